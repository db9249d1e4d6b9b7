using System.Net;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Pages;

/// <summary>The /claims page over real HTTP, on content written for these tests.</summary>
public sealed class ClaimListTests : IClassFixture<ClaimListTests.Fixture>
{
    public sealed class Fixture() : AppFixture(TestApp.With(
            new TestClaim(1, "fibro-animal", "animal-study", ["fibromyalgia"], "Bravo", "2026-01-01"),
            new TestClaim(2, "fibro-trial", "human-trial", ["fibromyalgia"], "alpha", "2026-03-01", Kind: "forecast"),
            new TestClaim(3, "endo-speculative", "speculative", ["endometriosis"], "Charlie", "2026-02-01", Aliases: ["endo-old"]),
            new TestClaim(4, "endo-observational", "human-observational", ["endometriosis", "fibromyalgia"], "Delta", "2025-12-01"),
            new TestClaim(5, "visceral-animal", "animal-study", ["visceral-pain"], "Echo", "2026-04-01", Kind: "advice")));

    private readonly HttpClient _client;

    public ClaimListTests(Fixture fixture) => _client = fixture.App.NewClient();

    private async Task<List<string>> Slugs(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.ListedSlugs(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_unfiltered_list_shows_every_claim_strongest_first() =>
        Assert.Equal(["fibro-trial", "endo-observational", "fibro-animal", "visceral-animal", "endo-speculative"], await Slugs("/claims"));

    [Fact]
    public async Task Filtering_by_animal_study_returns_only_animal_studies() =>
        Assert.Equal(["fibro-animal", "visceral-animal"], await Slugs("/claims?evidence=animal-study"));

    [Fact]
    public async Task Filtering_by_a_condition_returns_only_claims_about_it() =>
        Assert.Equal(["endo-observational", "endo-speculative"], await Slugs("/claims?condition=endometriosis"));

    [Fact]
    public async Task Several_values_of_one_filter_are_alternatives() =>
        Assert.Equal(["fibro-trial", "fibro-animal", "visceral-animal"], await Slugs("/claims?evidence=animal-study&evidence=human-trial"));

    [Fact]
    public async Task Different_filters_combine_with_and() =>
        Assert.Equal(["fibro-animal"], await Slugs("/claims?condition=fibromyalgia&evidence=animal-study"));

    [Fact]
    public async Task A_minimum_level_keeps_that_level_and_stronger() =>
        Assert.Equal(["fibro-trial", "endo-observational"], await Slugs("/claims?min=human-observational"));

    [Fact]
    public async Task Minimum_level_and_condition_combine() =>
        Assert.Equal(["endo-observational"], await Slugs("/claims?min=animal-study&condition=endometriosis"));

    [Theory]
    [InlineData("title", new[] { "fibro-trial", "fibro-animal", "endo-speculative", "endo-observational", "visceral-animal" })]
    [InlineData("reviewed", new[] { "visceral-animal", "fibro-trial", "endo-speculative", "fibro-animal", "endo-observational" })]
    [InlineData("article", new[] { "fibro-animal", "fibro-trial", "endo-speculative", "endo-observational", "visceral-animal" })]
    public async Task Each_sort_orders_the_list(string sort, string[] expected) =>
        Assert.Equal(expected, await Slugs($"/claims?sort={sort}"));

    [Fact]
    public async Task An_empty_result_says_what_to_change()
    {
        var html = await _client.GetStringAsync(new Uri("/claims?condition=visceral-pain&evidence=human-trial", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Empty(Html.ListedSlugs(html));
        Assert.Contains("No claim matches all of these filters", html, StringComparison.Ordinal);
        Assert.Contains("removing a filter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_beside_each_option_count_what_choosing_it_would_show()
    {
        var html = Html.Decode(await _client.GetStringAsync(new Uri("/claims?condition=fibromyalgia", UriKind.Relative), TestContext.Current.CancellationToken));

        // Level counts are within fibromyalgia; condition counts ignore the condition filter itself.
        Assert.Matches(@"(?s)name=""evidence"" value=""animal-study""[^>]*>.*?\((\d+)\)", html);
        Assert.Equal("1", Regex.Match(html, @"(?s)name=""evidence"" value=""animal-study""[^>]*>.*?\((\d+)\)").Groups[1].Value);
        Assert.Equal("1", Regex.Match(html, @"(?s)name=""evidence"" value=""human-trial""[^>]*>.*?\((\d+)\)").Groups[1].Value);
        Assert.Equal("1", Regex.Match(html, @"(?s)name=""evidence"" value=""human-observational""[^>]*>.*?\((\d+)\)").Groups[1].Value);
        Assert.Equal("0", Regex.Match(html, @"(?s)name=""evidence"" value=""speculative""[^>]*>.*?\((\d+)\)").Groups[1].Value);
        Assert.Matches(@"value=""endometriosis""[^>]*> Endometriosis <span class=""count"">\(2\)", html);
        Assert.Matches(@"value=""fibromyalgia"" checked=""checked""> Fibromyalgia <span class=""count"">\(3\)", html);
    }

    [Fact]
    public async Task Active_filters_are_listed_with_links_that_remove_each_one()
    {
        var html = Html.Decode(await _client.GetStringAsync(new Uri("/claims?evidence=animal-study&condition=fibromyalgia&min=speculative", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains("<a href=\"/claims?evidence=animal-study&min=speculative\">Remove condition: Fibromyalgia</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia&min=speculative\">Remove level: Animal study</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia&evidence=animal-study\">Remove minimum: at least Speculative</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_form_round_trips_its_url()
    {
        var html = Html.Decode(await _client.GetStringAsync(new Uri("/claims?condition=endometriosis&evidence=speculative&evidence=human-observational&min=speculative&sort=title", UriKind.Relative), TestContext.Current.CancellationToken));

        // The form is GET to /claims, and every chosen value comes back selected, so submitting it reproduces the URL.
        Assert.Contains("<form method=\"get\" action=\"/claims\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"condition\" value=\"endometriosis\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"evidence\" value=\"speculative\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"evidence\" value=\"human-observational\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"speculative\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"title\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"fibromyalgia\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"animal-study\" checked", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims?evidence=strong", "evidence", "strong")]
    [InlineData("/claims?condition=migraine", "condition", "migraine")]
    [InlineData("/claims?min=excellent", "min", "excellent")]
    [InlineData("/claims?sort=random", "sort", "random")]
    [InlineData("/claims?page=abc", "page", "abc")]
    [InlineData("/claims?page=0", "page", "0")]
    [InlineData("/claims?page=-1", "page", "-1")]
    [InlineData("/claims?kind=opinion", "kind", "opinion")]
    public async Task An_unknown_filter_value_gives_a_400_page_naming_it_and_the_valid_values(string url, string parameter, string value)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = Html.Decode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"The value '{value}' for '{parameter}' was not understood.", html, StringComparison.Ordinal);
        Assert.Contains("Valid values for", html, StringComparison.Ordinal);
        if (parameter == "evidence")
        {
            Assert.Contains("<code>human-trial</code>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_claim_page_lists_related_claims_about_the_same_condition_nearest_level_first()
    {
        var html = await _client.GetStringAsync(new Uri("/claims/fibro-animal", UriKind.Relative), TestContext.Current.CancellationToken);
        var related = Regex.Match(html, "<ul class=\"related\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        var slugs = Regex.Matches(related, "href=\"/claims/([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();

        // Fibromyalgia claims other than itself: human-observational (1 level away) before human-trial (2 away).
        Assert.Equal(["endo-observational", "fibro-trial"], slugs);
    }

    [Fact]
    public async Task The_copy_link_button_is_an_enhancement_from_an_external_script()
    {
        var html = await _client.GetStringAsync(new Uri("/claims/fibro-animal", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches("<script src=\"/js/copy-link[^\"]*[.]js[^\"]*\" defer></script>", html);
        Assert.Contains("<button type=\"button\" data-copy-link hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_reached_from_a_filtered_list_has_a_breadcrumb_back_to_that_list()
    {
        var list = Html.Decode(await _client.GetStringAsync(new Uri("/claims?condition=fibromyalgia&evidence=animal-study", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains("<a href=\"/claims/fibro-animal?from=condition%3Dfibromyalgia%26evidence%3Danimal-study\">", list, StringComparison.Ordinal);

        var claim = Html.Decode(await _client.GetStringAsync(new Uri("/claims/fibro-animal?from=condition%3Dfibromyalgia%26evidence%3Danimal-study", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains("<nav aria-label=\"Breadcrumb\">", claim, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia&evidence=animal-study\">Claims: Fibromyalgia, Animal study</a>", claim, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/claims/fibro-animal\">", claim, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=evidence%3Dnonsense")]
    [InlineData("?from=%25%25%25")]
    public async Task Without_a_valid_list_state_the_breadcrumb_points_to_all_claims(string query)
    {
        var response = await _client.GetAsync(new Uri("/claims/fibro-animal" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"/claims\">All claims</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims?min=&sort=&condition=", "/claims")]
    [InlineData("/claims?q=&condition=fibromyalgia&min=&sort=strength", "/claims?condition=fibromyalgia")]
    [InlineData("/claims?q=+&evidence=human-trial&evidence=animal-study&min=&sort=title", "/claims?evidence=animal-study&evidence=human-trial&sort=title")]
    [InlineData("/claims?q=gut&min=&sort=relevance&page=1", "/claims?q=gut")]
    public async Task A_submitted_form_with_empty_fields_redirects_to_the_short_canonical_address(string submitted, string canonical)
    {
        var response = await _client.GetAsync(new Uri(submitted, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_filter_written_without_empty_fields_is_answered_where_it_is()
    {
        Assert.Equal(5, (await Slugs("/claims?sort=strength&page=1")).Count);
    }

    [Fact]
    public async Task Filtering_by_kind_returns_only_claims_of_those_kinds() =>
        Assert.Equal(["fibro-trial", "visceral-animal"], await Slugs("/claims?kind=forecast&kind=advice"));

    [Fact]
    public async Task The_kind_fieldset_names_each_kind_from_the_content_with_its_count_and_a_link_to_remove_it()
    {
        var html = Html.Decode(await _client.GetStringAsync(new Uri("/claims?kind=forecast&condition=fibromyalgia", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains("<legend>Kind of claim</legend>", html, StringComparison.Ordinal);
        // Kind counts are within fibromyalgia and ignore the kind filter itself; names come from kinds.yml.
        Assert.Matches(@"name=""kind"" value=""finding""> Finding <span class=""count"">\(2\)", html);
        Assert.Matches(@"name=""kind"" value=""forecast"" checked=""checked""> Forecast <span class=""count"">\(1\)", html);
        Assert.Matches(@"name=""kind"" value=""advice""> Advice <span class=""count"">\(0\)", html);
        Assert.Matches(@"name=""kind"" value=""uncertainty""> Uncertainty <span class=""count"">\(0\)", html);
        Assert.Contains("<a href=\"/claims?condition=fibromyalgia\">Remove kind: Forecast</a>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Claims: Fibromyalgia; Forecast", html, StringComparison.Ordinal);
        Assert.Equal(["fibro-trial"], Html.ListedSlugs(html));
    }

    [Fact]
    public async Task A_claim_reached_from_a_list_filtered_by_certainty_and_kind_names_both_in_its_breadcrumb()
    {
        var claim = Html.Decode(await _client.GetStringAsync(new Uri("/claims/fibro-trial?from=certainty%3Dnot-graded%26kind%3Dforecast", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains("<a href=\"/claims?certainty=not-graded&kind=forecast\">Claims: certainty not graded, Forecast</a>", claim, StringComparison.Ordinal);
    }
}
