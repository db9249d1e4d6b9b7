using System.Text.Json;
using MicrobiomePain.Tests.Content;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Grading;
using MicrobiomePain.Web.Store;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Grading;

/// <summary>
/// The shipped claims about the research carry verdicts (and no certainty), the effect claims carry certainties with
/// the panels' grades beside them, and the page, the API, the CSV, the filters and the JSON-LD say the same.
/// </summary>
public sealed class ShippedVerdictTests(ShippedFixture fixture) : IClassFixture<ShippedFixture>
{
    private Dictionary<string, Source> Sources => fixture.Content.Sources.ToDictionary(s => s.Key);

    [Fact]
    public void Every_claim_has_either_a_certainty_or_a_verdict_and_the_kinds_map_as_the_method_page_says()
    {
        foreach (var claim in fixture.Content.Claims)
        {
            var grading = ClaimGrader.For(claim, Sources);
            Assert.True((grading is null) != (claim.Grading.Verdict is null), $"{claim.Id}: needs exactly one of a certainty and a verdict");
            if (claim.Kind == "uncertainty")
            {
                Assert.NotNull(claim.Grading.Verdict);
            }

            if (claim.Kind is "forecast" or "advice")
            {
                Assert.Null(claim.Grading.Verdict);
            }
        }

        Assert.Equal(["C6", "C8", "C12", "C13"], fixture.Content.Claims.Where(c => c.Grading.Verdict is not null).Select(c => c.Id));
    }

    [Fact]
    public async Task The_page_the_api_the_csv_and_the_json_ld_carry_each_verdict()
    {
        using var client = fixture.App.NewClient();
        var csv = (await client.GetStringAsync(new Uri("/claims.csv", UriKind.Relative), Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(csv[0].Split(','), "verdict");
        Assert.True(column > 0);
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is not null))
        {
            var verdict = VerdictBadge.For(claim.Grading.Verdict!.Rating)!;
            using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims/" + claim.Slug, UriKind.Relative), Ct));
            Assert.Equal(verdict.Slug, api.RootElement.GetProperty("verdict").GetProperty("verdict").GetProperty("slug").GetString());
            Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("certainty").ValueKind);

            var html = await client.GetStringAsync(new Uri("/claims/" + claim.Slug, UriKind.Relative), Ct);
            Assert.Contains($"class=\"verdict verdict-{verdict.Slug}\"", html, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(claim.Grading.Verdict.Reason), html, StringComparison.Ordinal);
            Assert.DoesNotContain("Overstatement:", html, StringComparison.Ordinal);
            Assert.Contains($"\"alternateName\":\"{verdict.Name}\"", html, StringComparison.Ordinal);

            var row = csv.Single(l => l.StartsWith(claim.Id + ",", StringComparison.Ordinal));
            Assert.EndsWith("," + verdict.Slug, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_verdict_filter_counts_match_the_filtered_lists_and_a_bad_verdict_is_a_400()
    {
        using var client = fixture.App.NewClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims", UriKind.Relative), Ct));
        var counts = all.RootElement.GetProperty("verdictCounts").EnumerateArray().ToList();
        Assert.Equal(fixture.Content.Claims.Count(c => c.Grading.Verdict is not null), counts.Sum(c => c.GetProperty("count").GetInt32()));
        foreach (var count in counts)
        {
            var slug = count.GetProperty("slug").GetString()!;
            using var filtered = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims?verdict=" + slug, UriKind.Relative), Ct));
            Assert.Equal(count.GetProperty("count").GetInt32(), filtered.RootElement.GetProperty("total").GetInt32());
            var page = await client.GetStringAsync(new Uri("/claims?verdict=" + slug, UriKind.Relative), Ct);
            Assert.Equal(count.GetProperty("count").GetInt32(), Html.ListedSlugs(page).Count);
        }

        // A claim has a certainty or a verdict, never both: asking for both is an empty list, not an error.
        using var both = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims?verdict=accurate&certainty=low", UriKind.Relative), Ct));
        Assert.Equal(0, both.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(400, (int)(await client.GetAsync(new Uri("/claims?verdict=true", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Each_effect_claims_panel_grade_is_on_its_page_and_in_the_method_pages_table_with_the_agreement()
    {
        using var client = fixture.App.NewClient();
        var method = await File.ReadAllTextAsync(Path.Combine(TestContent.Shipped(), "pages", "method.md"), Ct);
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.PanelGrades.Count > 0))
        {
            var html = await client.GetStringAsync(new Uri("/claims/" + claim.Slug, UriKind.Relative), Ct);
            Assert.Contains("The experts' grades of this question", html, StringComparison.Ordinal);
            if (ClaimGrader.For(claim, Sources) is not { } grading)
            {
                continue;
            }

            foreach (var panel in claim.Grading.PanelGrades)
            {
                var theirs = GradingVocabulary.Parse(panel.Grade)!.Value;
                var row = $"| {claim.Id} | {GradingVocabulary.Name(grading.Grade.Certainty)} {GradingVocabulary.Symbol(grading.Grade.Certainty)} |";
                Assert.Contains(method.Split('\n'), line => line.StartsWith(row, StringComparison.Ordinal)
                    && line.Contains($"{GradingVocabulary.Name(theirs)} {GradingVocabulary.Symbol(theirs)}", StringComparison.Ordinal)
                    && line.Contains($"| {PanelGradeView.AgreementOf(grading.Grade.Certainty, theirs)} |", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Every_graded_claim_shows_the_computed_what_would_change_under_the_authored_one()
    {
        using var client = fixture.App.NewClient();
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is null))
        {
            var changes = ClaimGrader.For(claim, Sources)!.Changes;
            Assert.True(changes.Lift.Count + changes.Lower.Count > 0, claim.Id);
            var html = await client.GetStringAsync(new Uri("/claims/" + claim.Slug, UriKind.Relative), Ct);
            var computed = html.IndexOf("What would change the grade (computed from the rule)", StringComparison.Ordinal);
            Assert.True(computed > 0, claim.Id);
            var authored = html.IndexOf("id=\"change-heading\"", StringComparison.Ordinal);
            Assert.True(authored < computed, $"{claim.Id}: the computed section comes after the authored one");
            Assert.All(changes.Lift.Concat(changes.Lower), c => Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(c.Change), html, StringComparison.Ordinal));
        }
    }
}
