using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Claims;

public sealed class SearchTests : IClassFixture<SearchTests.Fixture>
{
    public sealed class Fixture() : AppFixture(TestApp.With(
            new TestClaim(1, "probiotics-in-rats", "animal-study", ["visceral-pain"], "Probiotics reversed pain in rats"),
            new TestClaim(2, "fibre-diet", "speculative", ["fibromyalgia"], "A fibre diet may help, say probiotics fans"),
            new TestClaim(3, "tricky-title", "human-trial", ["fibromyalgia"], "A <b>bold</b> NEAR(claim) about AND col:umns"),
            new TestClaim(4, "endometriosis-cohort", "human-observational", ["endometriosis"], "Endometriosis cohort found no difference")));

    private readonly HttpClient _client;

    public SearchTests(Fixture fixture) => _client = fixture.App.NewClient();

    private async Task<(HttpStatusCode Status, string Html, List<string> Slugs)> Search(string query)
    {
        var response = await _client.GetAsync(new Uri("/claims?" + query, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, html, Html.ListedSlugs(html));
    }

    [Fact]
    public async Task Search_ranks_a_title_match_above_a_passing_mention()
    {
        var (status, _, slugs) = await Search("q=probiotics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["probiotics-in-rats", "fibre-diet"], slugs);
    }

    [Fact]
    public async Task Words_are_prefixes_and_all_must_match()
    {
        Assert.Equal(["probiotics-in-rats", "fibre-diet"], (await Search("q=probio")).Slugs);
        Assert.Equal(["fibre-diet"], (await Search("q=probiotics+fibre")).Slugs);
        Assert.Empty((await Search("q=probiotics+cohort")).Slugs);
    }

    [Fact]
    public async Task Search_combines_with_filters_and_facet_counts_respect_it()
    {
        var (_, html, slugs) = await Search("q=probiotics&condition=fibromyalgia");

        Assert.Equal(["fibre-diet"], slugs);
        var decoded = WebUtility.HtmlDecode(html);
        Assert.Matches(@"value=""visceral-pain""[^>]*> Visceral pain <span class=""count"">\(1\)", decoded);
        Assert.Matches(@"value=""endometriosis""[^>]*> Endometriosis <span class=""count"">\(0\)", decoded);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("a AND")]
    [InlineData("OR NOT")]
    [InlineData("-probiotics")]
    [InlineData("col:umns")]
    [InlineData("title:x")]
    [InlineData("^start")]
    [InlineData("(((")]
    [InlineData("\"unbalanced")]
    [InlineData("'; DROP TABLE claims;--")]
    public async Task Fts5_syntax_typed_by_a_reader_is_searched_as_text_never_an_error(string text)
    {
        var (status, html, _) = await Search("q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_words_find_the_literal_text()
    {
        Assert.Equal(["tricky-title"], (await Search("q=" + Uri.EscapeDataString("NEAR(claim) AND col:umns"))).Slugs);
        Assert.Equal(["probiotics-in-rats", "fibre-diet"], (await Search("q=" + Uri.EscapeDataString("\"probiotics*\""))).Slugs);
    }

    [Fact]
    public async Task Matching_words_are_highlighted_and_content_stays_escaped()
    {
        var (_, html, _) = await Search("q=bold");

        Assert.Contains("A &lt;b&gt;<mark>bold</mark>&lt;/b&gt; NEAR(claim)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"snippet\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_no_results_suggests_dropping_a_word_or_the_search()
    {
        var (status, html, slugs) = await Search("q=probiotics+cohort");
        var decoded = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(slugs);
        Assert.Contains("No claim contains all of the words “probiotics”, “cohort”", decoded, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?q=cohort\">Search without “probiotics”</a>", decoded, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims\">Remove search: “probiotics cohort”</a>", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_search_is_a_400_that_says_so()
    {
        var (status, html, _) = await Search("q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 200 characters", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Search("q=" + string.Join('+', Enumerable.Range(0, 13).Select(i => $"w{i}")))).Status);
    }

    [Fact]
    public async Task The_search_box_round_trips_and_relevance_is_the_default_sort()
    {
        var (_, html, _) = await Search("q=probiotics");
        var decoded = WebUtility.HtmlDecode(html);

        Assert.Contains("<label for=\"q\">Search claims</label>", decoded, StringComparison.Ordinal);
        Assert.Contains("name=\"q\" value=\"probiotics\"", decoded, StringComparison.Ordinal);
        Assert.Contains("<option value=\"relevance\" selected=\"selected\">", decoded, StringComparison.Ordinal);
        Assert.Matches(new Regex("<link rel=\"canonical\" href=\"http://localhost/claims\\?q=probiotics\">"), decoded);
    }

    [Fact]
    public async Task The_json_api_searches_the_same_way()
    {
        var json = await _client.GetFromJsonAsync<ClaimListResponse>(new Uri("/api/claims?q=probiotics", UriKind.Relative), new JsonSerializerOptions(JsonSerializerDefaults.Web), Ct);

        Assert.Equal(["probiotics-in-rats", "fibre-diet"], json!.Items.Select(i => i.Slug));
    }
}
