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
        Assert.DoesNotContain("No claim has all of these words", (await Search("q=probiotics+fibre")).Html, StringComparison.Ordinal);
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
    public async Task A_search_whose_words_no_claim_has_all_of_lists_the_claims_with_some_under_a_heading_that_says_so()
    {
        var (status, html, slugs) = await Search("q=probiotics+cohort");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["endometriosis-cohort", "fibre-diet", "probiotics-in-rats"], slugs.Order()); // ranked by bm25: the rarer word first
        Assert.Equal("endometriosis-cohort", slugs[0]);
        Assert.Contains("No claim has all of these words; claims with some of them:", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_no_claim_shares_a_word_with_suggests_dropping_a_word_or_the_search()
    {
        var (status, html, slugs) = await Search("q=zebra+xylophone");
        var decoded = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(slugs);
        Assert.Contains("No claim contains any of the words “zebra”, “xylophone”", decoded, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?q=xylophone\">Search without “zebra”</a>", decoded, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims\">Remove search: “zebra xylophone”</a>", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_search_that_finds_nothing_offers_the_nearest_words_of_the_claims()
    {
        var (_, html, slugs) = await Search("q=probiotcs+endometrosis");

        Assert.Empty(slugs);
        Assert.Contains("Did you mean", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?q=probiotics%20endometriosis\">probiotics endometriosis</a>", html, StringComparison.Ordinal);
        Assert.NotEmpty((await Search("q=" + Uri.EscapeDataString("probiotics endometriosis"))).Slugs); // the suggestion finds claims
    }

    [Fact]
    public async Task Plurals_and_verb_forms_find_the_same_claims_and_are_highlighted()
    {
        var (_, html, slugs) = await Search("q=probiotic");

        Assert.Equal(["probiotics-in-rats", "fibre-diet"], slugs);
        Assert.Contains("<mark>Probiotics</mark> reversed", html, StringComparison.Ordinal);
        Assert.Equal(["probiotics-in-rats"], (await Search("q=reversing")).Slugs);
    }

    [Fact]
    public async Task A_question_is_searched_for_its_content_words()
    {
        var (_, html, slugs) = await Search("q=" + Uri.EscapeDataString("Does a fibre diet help?"));

        Assert.Equal(["fibre-diet"], slugs);
        Assert.Contains("Searched for “fibre”, “diet”, “help”", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
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

    [Theory]
    [InlineData("probiotics")]
    [InlineData("probiotics cohort")]
    [InlineData("does a fibre diet help")]
    public async Task The_json_api_gives_the_pages_results_in_the_pages_order_and_says_whether_it_fell_back(string query)
    {
        var json = await _client.GetFromJsonAsync<ClaimListResponse>(new Uri("/api/claims?q=" + Uri.EscapeDataString(query), UriKind.Relative), new JsonSerializerOptions(JsonSerializerDefaults.Web), Ct);
        var (_, html, slugs) = await Search("q=" + Uri.EscapeDataString(query));

        Assert.Equal(slugs, json!.Items.Select(i => i.Slug));
        Assert.NotEmpty(slugs);
        Assert.Equal(html.Contains("No claim has all of these words", StringComparison.Ordinal), json.Search!.Fallback);
        Assert.Equal(query == "probiotics cohort", json.Search.Fallback);
    }
}
