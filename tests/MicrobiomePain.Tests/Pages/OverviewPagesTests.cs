using System.Net;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Pages;

/// <summary>The evidence map, the conditions pages and the levels page, over real HTTP.</summary>
public sealed partial class OverviewPagesTests : IClassFixture<OverviewPagesTests.Fixture>
{
    // fibromyalgia: one claim at each of speculative, animal-study, human-trial; endometriosis: two animal studies.
    public sealed class Fixture() : AppFixture(TestApp.With(
            new TestClaim(1, "trial-claim", "human-trial", Title: "A trial claim"),
            new TestClaim(2, "shared-claim", "animal-study", ["fibromyalgia", "endometriosis"], Title: "A shared claim"),
            new TestClaim(3, "mouse-claim", "animal-study", ["endometriosis"], Title: "A mouse claim"),
            new TestClaim(4, "guess-claim", "speculative", Title: "A guess")));

    private readonly HttpClient _client;

    public OverviewPagesTests(Fixture fixture) => _client = fixture.App.NewClient();

    private async Task<(HttpStatusCode Status, string Html)> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, Html.Decode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\"><a href=\"/conditions/([a-z-]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex MapRow();

    [GeneratedRegex("<td[^>]*><a href=\"([^\"]+)\">(\\d+)<", RegexOptions.Singleline)]
    private static partial Regex MapCell();

    /// <summary>Each map row as (condition, [(href, count)...]) in display order.</summary>
    private static Dictionary<string, List<(string Href, int Count)>> MapCells(string html) =>
        MapRow().Matches(html).ToDictionary(
            m => m.Groups[1].Value,
            m => MapCell().Matches(m.Value).Select(c => (c.Groups[1].Value, int.Parse(c.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList());

    [Fact]
    public async Task The_map_counts_claims_per_condition_and_level_and_links_each_cell_to_the_filtered_list()
    {
        var (status, html) = await Get("/map");
        var cells = MapCells(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["fibromyalgia", "endometriosis", "visceral-pain"], cells.Keys);
        Assert.Equal([1, 1, 0, 1, 3], cells["fibromyalgia"].Select(c => c.Count));
        Assert.Equal([0, 2, 0, 0, 2], cells["endometriosis"].Select(c => c.Count));
        Assert.Equal([0, 0, 0, 0, 0], cells["visceral-pain"].Select(c => c.Count));
        Assert.Equal("/claims?condition=endometriosis&evidence=animal-study", cells["endometriosis"][1].Href);
        Assert.Equal("/claims?condition=fibromyalgia", cells["fibromyalgia"][4].Href);
    }

    [Fact]
    public async Task A_map_cell_link_lists_exactly_the_claims_it_counts()
    {
        var (_, map) = await Get("/map");
        var (_, list) = await Get(MapCells(map)["endometriosis"][1].Href);

        Assert.Equal(["mouse-claim", "shared-claim"], Html.ListedSlugs(list).Order());
    }

    [Fact]
    public async Task The_map_is_an_accessible_table_with_caption_scoped_headers_and_levels_in_words()
    {
        var (_, html) = await Get("/map");

        Assert.Contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"map-caption\" tabindex=\"0\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"map-caption\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"><span class=\"level-symbol\" aria-hidden=\"true\">◔</span> Animal study</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\"><a href=\"/conditions/fibromyalgia\">Fibromyalgia</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("2<span class=\"visually-hidden\"> claims about Endometriosis at level Animal study</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_map_too()
    {
        var (_, html) = await Get("/");

        Assert.Equal([1, 1, 0, 1, 3], MapCells(html)["fibromyalgia"].Select(c => c.Count));
    }

    [Fact]
    public async Task The_conditions_page_lists_each_condition_with_its_description_and_claim_count()
    {
        var (_, html) = await Get("/conditions");

        Assert.Contains("<h2><a href=\"/conditions/endometriosis\">Endometriosis</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Lesions outside the womb.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"count\">2 claims</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"count\">0 claims</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_condition_page_groups_its_claims_by_level_strongest_first()
    {
        var (status, html) = await Get("/conditions/fibromyalgia");
        var headings = Regex.Matches(html, "<h2 id=\"level-([a-z-]+)\">").Select(m => m.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Fibromyalgia · MicrobiomePain</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Fibromyalgia</h1>", html, StringComparison.Ordinal);
        Assert.Equal(["human-trial", "animal-study", "speculative"], headings);
        Assert.Contains("<a href=\"/claims/shared-claim\">A shared claim</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mouse-claim", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_condition_without_claims_says_so()
    {
        var (status, html) = await Get("/conditions/visceral-pain");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No claim is about this condition yet.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/conditions/no-such-condition")]
    [InlineData("/conditions/Not%20A%20Slug")]
    public async Task An_unknown_condition_is_a_404_page(string url)
    {
        var (status, html) = await Get(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_page_explains_each_level_what_moves_a_claim_up_and_lists_its_claims()
    {
        var (_, html) = await Get("/evidence");
        var headings = Regex.Matches(html, "<h2 id=\"level-([a-z-]+)\">").Select(m => m.Groups[1].Value);
        var animal = html[html.IndexOf("id=\"level-animal-study\"", StringComparison.Ordinal)..html.IndexOf("id=\"level-human-observational\"", StringComparison.Ordinal)];

        Assert.Equal(["speculative", "animal-study", "human-observational", "human-trial"], headings);
        Assert.Contains("Shown in animals.", animal, StringComparison.Ordinal);
        Assert.Contains("<strong>What would move a claim up:</strong> A study in people.", animal, StringComparison.Ordinal);
        Assert.Contains("/claims/shared-claim", animal, StringComparison.Ordinal);
        Assert.Contains("/claims/mouse-claim", animal, StringComparison.Ordinal);
        Assert.DoesNotContain("/claims/trial-claim", animal, StringComparison.Ordinal);
        Assert.Contains("No claim is at this level.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_group_longer_than_a_page_shows_its_first_claims_and_links_to_all_of_them()
    {
        // 25 animal studies about fibromyalgia (the group overflows) and 2 human trials (it does not).
        using var app = TestApp.With([
            .. Enumerable.Range(1, 25).Select(n => new TestClaim(n, $"mouse-{n}", "animal-study", ["fibromyalgia"])),
            new TestClaim(26, "trial-a", "human-trial", ["fibromyalgia"]),
            new TestClaim(27, "trial-b", "human-trial", ["fibromyalgia"]),
        ]);
        using var client = app.NewClient();

        foreach (var (url, from, to) in new[]
                 {
                     ("/conditions/fibromyalgia", "id=\"level-animal-study\"", "</section>"),
                     ("/evidence", "id=\"level-animal-study\"", "</section>"),
                 })
        {
            var html = Html.Decode(await client.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken));
            var start = html.IndexOf(from, StringComparison.Ordinal);
            var group = html[start..html.IndexOf(to, start, StringComparison.Ordinal)];
            var links = Regex.Matches(group, "href=\"/claims/(mouse-[0-9]+)\"").Select(m => m.Groups[1].Value).ToList();

            Assert.Equal(Enumerable.Range(1, 20).Select(n => $"mouse-{n}"), links); // the first 20, in article order
            var expectedList = url == "/evidence" ? "/claims?evidence=animal-study&sort=article" : "/claims?condition=fibromyalgia&evidence=animal-study&sort=article";
            Assert.Contains($"<a href=\"{expectedList}\">All 25 claims at this level</a>", group, StringComparison.Ordinal);
            Assert.Contains("25 claims", html, StringComparison.Ordinal);

            var trials = html[html.IndexOf("id=\"level-human-trial\"", StringComparison.Ordinal)..];
            Assert.DoesNotContain("claims at this level</a>", trials[..trials.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
        }

        // The list it links to shows all 25.
        var list = await client.GetStringAsync(new Uri("/claims?condition=fibromyalgia&evidence=animal-study&sort=article", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<h2 id=\"result-count\">25 claims</h2>", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/map", "Evidence map")]
    [InlineData("/conditions", "Conditions")]
    [InlineData("/evidence", "How to read the evidence levels")]
    public async Task Each_overview_page_is_in_the_main_navigation_and_titled_by_its_heading(string url, string heading)
    {
        var (_, html) = await Get(url);

        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{heading} · MicrobiomePain</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{url}\"", html[..html.IndexOf("</nav>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims", "Claims")]
    [InlineData("/claims?condition=fibromyalgia&condition=endometriosis", "Claims: Fibromyalgia or Endometriosis")]
    [InlineData("/claims?evidence=animal-study&min=speculative", "Claims: Animal study; at least Speculative")]
    public async Task A_filtered_list_says_which_list_it_is_in_its_title(string url, string title)
    {
        var (_, html) = await Get(url);

        Assert.Contains($"<title>{title} · MicrobiomePain</title>", html, StringComparison.Ordinal);
    }
}
