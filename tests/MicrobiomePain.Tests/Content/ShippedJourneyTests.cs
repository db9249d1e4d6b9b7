using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

/// <summary>
/// The shipped content keeps every rule of issue 16, and its pages show it: each claim's travel chain, history and
/// "What would change this"; /changes and its Atom feed; where each source was seen.
/// </summary>
public sealed class ShippedJourneyTests : IClassFixture<ShippedFixture>
{
    private readonly ShippedFixture _fixture;
    private readonly HttpClient _client;

    public ShippedJourneyTests(ShippedFixture fixture)
    {
        _fixture = fixture;
        _client = fixture.App.NewClient();
    }

    private Task<string> Get(string url) => _client.GetOkStringAsync(url);

    [Fact]
    public void Every_claim_says_what_would_change_it() =>
        Assert.All(_fixture.Content.Claims, c => Assert.False(string.IsNullOrWhiteSpace(c.WhatWouldChangeHtml), c.Id));

    [Fact]
    public void Every_claim_has_a_travel_chain_and_at_least_its_first_review()
    {
        Assert.All(_fixture.Content.Claims, c =>
        {
            Assert.NotNull(c.Travel);
            Assert.NotEmpty(c.History);
            Assert.Equal(c.Reviewed, c.History.Max(h => h.Date));
        });
    }

    [Fact]
    public void Every_claim_with_a_hype_gap_names_where_the_overstatement_entered_and_no_other_claim_does()
    {
        Assert.All(_fixture.Content.Claims, c =>
        {
            if (c.HypeGap is null)
            {
                Assert.Equal(OverstatementEntry.None, c.Travel!.Entered);
            }
            else
            {
                Assert.NotEqual(OverstatementEntry.None, c.Travel!.Entered);
            }
        });
    }

    [Fact]
    public void Every_partly_verified_field_records_where_it_was_seen()
    {
        Assert.All(_fixture.Content.Sources.Where(s => s.PartlyVerified.Count > 0), s =>
            Assert.All(s.PartlyVerified, field => Assert.True(
                s.SeenAt.ContainsKey(field) || s.SeenAt.ContainsKey("entry"),
                $"{s.Key}: partly verified '{field}' has no seen_at")));
    }

    [Fact]
    public void An_entry_with_unconfirmed_fields_is_not_marked_verified() =>
        Assert.All(_fixture.Content.Sources.Where(s => s.PartlyVerified.Count > 0 || s.Unverified.Count > 0),
            s => Assert.NotEqual("verified", s.Verification));

    [Fact]
    public void The_metronidazole_trial_is_in_the_bibliography_with_its_unconfirmed_identifiers_marked()
    {
        var trial = Assert.Single(_fixture.Content.Sources, s => s.Key == "metrofert-trial");

        Assert.Null(trial.Doi);
        Assert.Null(trial.Pmid);
        Assert.Null(trial.Year);
        Assert.Equal(["authors", "year", "journal", "doi", "pmid"], trial.Unverified);
        Assert.Equal("partly-verified", trial.Verification);
        Assert.Contains(_fixture.Content.Claims.Single(c => c.Id == "C5").Sources, s => s.Key == "metrofert-trial" && s.Relation == SourceRelations.Contradicts);
    }

    [Fact]
    public void The_findings_of_the_2026_12_02_check_stay_fixed()
    {
        var claims = _fixture.Content.Claims.ToDictionary(c => c.Id);
        var sources = _fixture.Content.Sources.ToDictionary(s => s.Key);

        Assert.DoesNotContain("2024 review", claims["C15"].EvidenceHtml, StringComparison.Ordinal);
        Assert.Contains("population", sources["minerbi-2019"].PartlyVerified);
        Assert.DoesNotContain("irritable-bowel-syndrome", claims["C1"].Conditions);
        Assert.DoesNotContain("butyrate-producing", claims["C1"].EvidenceHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(claims["C1"].CaveatsHtml, c => c.Contains("sampled the microbiome once", StringComparison.Ordinal));
        Assert.Contains(claims["C18"].Sources, s => s.Key == "luczynski-2017");
        Assert.Contains("not pain", claims["C18"].Sources.Single(s => s.Key == "perez-prieto-2024").Note, StringComparison.Ordinal);
        Assert.Contains("doi", sources["omahony-2014"].PartlyVerified);
        Assert.Contains("doi", sources["cai-2025"].PartlyVerified);
        Assert.Contains("50 randomised", sources["fang-2024"].SampleSize, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_page_shows_three_travel_steps_where_it_entered_and_its_history()
    {
        var html = await Get("/claims/lesion-result-implies-pain-effect");

        Assert.Contains("How this claim travelled", html, StringComparison.Ordinal);
        Assert.Contains("1. What the study found", html, StringComparison.Ordinal);
        Assert.Contains("2. What the Nature feature said", html, StringComparison.Ordinal);
        Assert.Contains("3. What the summary article says", html, StringComparison.Ordinal);
        Assert.Contains("in the summary article.", html, StringComparison.Ordinal);
        Assert.Contains("Review history", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-12-02\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_api_carries_travel_and_history()
    {
        using var doc = JsonDocument.Parse(await Get("/api/claims/lesion-result-implies-pain-effect"));

        Assert.Equal("summary", doc.RootElement.GetProperty("travel").GetProperty("entered").GetString());
        var history = doc.RootElement.GetProperty("history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("2026-12-02", history[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Changes_are_listed_newest_first()
    {
        var html = await Get("/changes");

        var dates = System.Text.RegularExpressions.Regex.Matches(html, "<time datetime=\"([0-9-]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(_fixture.Content.Claims.Sum(c => c.History.Count), dates.Count);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        Assert.Contains("href=\"/changes.atom\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_feed_is_atom_with_one_entry_per_change_dated_by_the_change()
    {
        var response = await _client.GetAsync(new Uri("/changes.atom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(_fixture.Content.Claims.Sum(c => c.History.Count), entries.Count);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Element(atom + "id")?.Value));
            Assert.False(string.IsNullOrEmpty(e.Element(atom + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(atom + "id")!.Value).Distinct().Count());
        // The feed is as new as the newest change in the content, and lists it first.
        var newest = _fixture.Content.Claims.SelectMany(c => c.History).Max(h => h.Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z";
        Assert.Equal(newest, feed.Root.Element(atom + "updated")!.Value);
        Assert.Equal(newest, entries[0].Element(atom + "updated")!.Value);
    }

    [Fact]
    public async Task The_article_counts_where_the_overstatements_entered()
    {
        var html = await Get("/article");
        var withGap = _fixture.Content.Claims.Where(c => c.HypeGap is not null).ToList();
        var inSummary = withGap.Count(c => c.Travel!.Entered == OverstatementEntry.Summary);

        Assert.Contains($"Of the {withGap.Count} overstatements", html, StringComparison.Ordinal);
        Assert.Contains($"{inSummary} entered in the summary article", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sources_page_lists_where_each_source_was_seen_and_labels_a_partly_verified_population()
    {
        var html = await Get("/sources");

        Assert.Contains("Where it was seen:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://pmc.ncbi.nlm.nih.gov/articles/PMC10862364\"", html, StringComparison.Ordinal);
        Assert.Matches("household members or relatives <span class=\"unverified\">\\(partly verified\\)</span>", html);
    }

    [Fact]
    public async Task The_sources_page_shows_every_graded_sources_certainty_inputs()
    {
        var html = await Get("/sources");
        string InputsOf(string key)
        {
            var item = html[html.IndexOf($"id=\"source-{key}\"", StringComparison.Ordinal)..];
            var p = System.Text.RegularExpressions.Regex.Match(item, "<p class=\"certainty-inputs\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(p.Success, key);
            return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(p.Groups[1].Value, "<[^>]+>|\\s+", m => m.Value.StartsWith('<') ? "" : " "));
        }

        foreach (var source in _fixture.Content.Sources.Where(s => s.Parts.Count > 0))
        {
            var inputs = InputsOf(source.Key);
            foreach (var part in source.Parts)
            {
                Assert.Contains(MicrobiomePain.Web.Grading.GradingVocabulary.Design(part.Design)!.Name, inputs, StringComparison.Ordinal);
                Assert.Contains("n = " + (part.SampleSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"), inputs, StringComparison.Ordinal);
                Assert.Contains("risk of bias: " + part.RiskOfBias.Replace('-', ' '), inputs, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Randomised trial, humans, n = 88", InputsOf("metrofert-trial"), StringComparison.Ordinal);
    }
}
