using System.Net;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Pages;

public sealed class PagesTests : IClassFixture<PagesTests.Fixture>
{
    // 25 claims: two pages of 20 and 5 in the default (strength, then article) order.
    public sealed class Fixture() : AppFixture(TestApp.With(Enumerable.Range(1, 25)
            .Select(n => new TestClaim(n, $"claim-{n}", n % 2 == 0 ? "human-trial" : "animal-study", Aliases: n == 3 ? ["claim-three"] : null))
            .ToArray()));

    private readonly HttpClient _client;

    public PagesTests(Fixture fixture) => _client = fixture.App.NewClient();

    private Task<HttpResponseMessage> Get(string url) => _client.GetPathAsync(url);

    private static Task<string> Body(HttpResponseMessage r) => r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_list_is_paginated_with_links_between_pages()
    {
        var first = await Body(await Get("/claims"));
        var second = await Body(await Get("/claims?page=2"));

        Assert.Equal(20, Html.ListedSlugs(first).Count);
        Assert.Equal(["claim-17", "claim-19", "claim-21", "claim-23", "claim-25"], Html.ListedSlugs(second));
        Assert.Contains("<a rel=\"next\" href=\"/claims?page=2\">", first, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"/claims\">", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
        Assert.Empty(Html.ListedSlugs(first).Intersect(Html.ListedSlugs(second)));
    }

    [Fact]
    public async Task Pagination_keeps_the_filters()
    {
        var html = Html.Decode(await Body(await Get("/claims?evidence=human-trial&evidence=animal-study&sort=article")));

        Assert.Equal(25, int.Parse(System.Text.RegularExpressions.Regex.Match(html, @"(\d+) claims</h2>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("href=\"/claims?evidence=animal-study&evidence=human-trial&sort=article&page=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/claims?page=3")).StatusCode);

    [Fact]
    public async Task A_claim_has_a_permalink_page_with_its_level_quote_caveats_and_sources()
    {
        var response = await Get("/claims/claim-2");
        var html = Html.Decode(await Body(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Claim number 2</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"level-symbol\" aria-hidden=\"true\">●</span> Human trial", html, StringComparison.Ordinal);
        Assert.Contains("Because the tests say so.", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote><p>Quote 2.</p></blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<li><p>First caveat of 2.</p></li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://doi.org/10.1000/a.1\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/12345/\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"tag\" href=\"/claims?condition=fibromyalgia\">", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-11-01\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_identifier_is_labelled_and_not_linked()
    {
        var app = TestApp.With(new TestClaim(1, "uses-b", Sources: ["study-b"]));
        using var client = app.NewClient();

        var html = await client.GetStringAsync(new Uri("/claims/uses-b", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("DOI 10.1000/b.2 <span class=\"unverified\">(unverified)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://doi.org/10.1000/b.2", html, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task An_old_slug_answers_301_to_the_current_one()
    {
        var response = await Get("/claims/claim-three");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/claims/claim-3", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/claims/no-such-claim")]
    [InlineData("/claims/Not_A_Slug")]
    [InlineData("/claims/Not_A_Slug/cite.bib")]
    [InlineData("/conditions/Not_A_Slug")]
    [InlineData("/nowhere")]
    public async Task An_unknown_address_gives_a_404_page(string url)
    {
        var response = await Get(url);
        var html = await Body(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_links_into_filtered_lists_with_counts()
    {
        var html = Html.Decode(await Body(await Get("/")));

        Assert.Contains("<a href=\"/claims?evidence=human-trial\">", html, StringComparison.Ordinal);
        Assert.Contains(": 12 claims</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia\">Fibromyalgia: 25 claims</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_names_the_content_version_and_links_the_nature_article()
    {
        var html = await Body(await Get("/"));

        Assert.Matches("Content version <code>[0-9a-f]{12}</code>", html);
        Assert.Contains("The gut microbiome and chronic pain", html, StringComparison.Ordinal);
        Assert.Contains("https://www.nature.com/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy()
    {
        var response = await Get("/claims");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
