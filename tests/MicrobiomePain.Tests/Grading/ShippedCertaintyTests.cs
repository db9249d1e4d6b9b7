using System.Text.Json;
using MicrobiomePain.Tests.Content;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Grading;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Grading;

/// <summary>Every shipped claim is graded from complete inputs, and the page, the JSON API and the CSV say the same.</summary>
public sealed class ShippedCertaintyTests(ShippedFixture fixture) : IClassFixture<ShippedFixture>
{
    private Dictionary<string, Source> Sources => fixture.Content.Sources.ToDictionary(s => s.Key);

    /// <summary>
    /// Each graded shipped claim's certainty, steps down per domain (risk of bias, inconsistency, indirectness, imprecision,
    /// publication bias: <see cref="CertaintyRule.DomainNames"/>) and overstatement, written out by hand from the rule on
    /// content/pages/method.md and the table in docs/certainty.md ("After all of 2026-12-07's merges"), not computed: the
    /// grader is checked against it once (below), and the page, the API and the CSV against it. Claims with a verdict (C6,
    /// C8, C12, C13) are not graded. A change of content or rule that moves a grade changes a line here, on purpose.
    /// </summary>
    private static readonly Dictionary<string, (Certainty Certainty, int[] Steps, int Overstatement)> Recorded = new()
    {
        ["C1"] = (Certainty.VeryLow, [0, 1, 0, 0, 0], 3),
        ["C2"] = (Certainty.VeryLow, [0, 2, 0, 2, 0], 3),
        ["C3"] = (Certainty.Low, [0, 1, 0, 1, 0], 0),
        ["C4"] = (Certainty.Low, [1, 0, 0, 1, 0], 2),
        ["C5"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 1),
        ["C7"] = (Certainty.VeryLow, [1, 0, 1, 1, 0], 1),
        ["C9"] = (Certainty.VeryLow, [1, 2, 1, 1, 0], 2),
        ["C10"] = (Certainty.VeryLow, [1, 0, 1, 1, 0], 1),
        ["C11"] = (Certainty.VeryLow, [1, 0, 1, 1, 0], 2),
        ["C14"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 1),
        ["C15"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 0),
        ["C16"] = (Certainty.Low, [0, 0, 1, 1, 0], 0),
        ["C17"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 1),
        ["C18"] = (Certainty.VeryLow, [0, 2, 1, 0, 0], 1),
        ["C19"] = (Certainty.Low, [0, 0, 1, 1, 0], 0),
        ["C20"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 1),
        ["C21"] = (Certainty.VeryLow, [1, 0, 2, 1, 0], 3),
        ["C22"] = (Certainty.Low, [0, 0, 1, 1, 0], 0),
        ["C23"] = (Certainty.VeryLow, [1, 0, 2, 1, 0], 1),
        ["C24"] = (Certainty.NoDirectEvidence, [0, 0, 0, 0, 0], 3),
    };

    [Fact]
    public void The_grader_gives_every_shipped_claim_the_grade_recorded_here()
    {
        Assert.Equal(Recorded.Keys.Order(StringComparer.Ordinal), fixture.Content.Claims.Where(c => c.Grading.Verdict is null).Select(c => c.Id).Order(StringComparer.Ordinal));
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is null))
        {
            var grading = ClaimGrader.For(claim, Sources)!;
            var (certainty, steps, overstatement) = Recorded[claim.Id];
            Assert.Equal(
                $"{claim.Id}: {certainty}; {string.Join(", ", CertaintyRule.DomainNames.Zip(steps, (d, n) => $"{d} {n}"))}; overstatement {overstatement}",
                $"{claim.Id}: {grading.Grade.Certainty}; {string.Join(", ", grading.Grade.Domains.Select(d => $"{d.Domain} {d.Steps}"))}; overstatement {grading.Overstatement.Steps}");
        }
    }

    [Fact]
    public void Every_shipped_effect_claim_has_its_inputs_a_certainty_and_a_matching_supported_statement()
    {
        Assert.Equal(24, fixture.Content.Claims.Count);
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is null))
        {
            var (input, problems) = ClaimGrader.Inputs(claim, Sources);
            Assert.True(input is not null && problems.Count == 0, $"{claim.Id}: {string.Join("; ", problems.Select(p => p.Message))}");
            Assert.All(claim.Sources.Where(s => ClaimGrader.InBody(s.Relation)), s => Assert.NotEmpty(Sources[s.Key].Parts));
            var grading = ClaimGrader.For(claim, Sources);
            Assert.NotNull(grading);
            Assert.Null(SupportedStatement.Problem(grading.SupportedStatement, grading.Grade.Certainty));
            Assert.InRange(grading.Overstatement.Steps, 0, 3);
        }
    }

    [Fact]
    public void Every_computed_overstatement_is_explained_and_names_where_it_entered()
    {
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is null))
        {
            var steps = Recorded[claim.Id].Overstatement;
            if (steps > 0)
            {
                Assert.True(claim.HypeGap is not null, $"{claim.Id}: {steps} steps of overstatement but no hype gap");
                Assert.NotEqual(OverstatementEntry.None, claim.Travel!.Entered);
            }
        }
    }

    [Fact]
    public void Every_risk_of_bias_judgement_has_a_reason_and_no_sample_size_is_guessed()
    {
        foreach (var source in fixture.Content.Sources)
        {
            Assert.NotEmpty(source.Parts);
            Assert.False(string.IsNullOrWhiteSpace(source.RiskOfBiasReason), source.Key);

            // A numeric size must appear in the source's own recorded n (free text from the research notes).
            foreach (var n in source.Parts.Select(p => p.SampleSize).OfType<int>())
            {
                var recorded = (source.SampleSize ?? "").Replace(" vs ", "+", StringComparison.Ordinal);
                Assert.True(
                    recorded.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    || recorded.Split('+').Select(x => int.TryParse(x.Trim().Split(' ')[0], out var v) ? v : 0).Sum() == n,
                    $"{source.Key}: sample_size {n} is not the recorded n '{source.SampleSize}'");
            }
        }
    }

    [Fact]
    public async Task The_claim_page_the_api_and_the_csv_agree_on_every_claims_certainty_and_overstatement()
    {
        using var client = fixture.App.NewClient();
        var csv = (await client.GetStringAsync(new Uri("/claims.csv", UriKind.Relative), Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(line => ParseCsv(line)).ToDictionary(r => r[0]);
        foreach (var claim in fixture.Content.Claims.Where(c => c.Grading.Verdict is null))
        {
            var (certaintyGrade, steps, overstatement) = Recorded[claim.Id];
            using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims/" + claim.Slug, UriKind.Relative), Ct));
            var certainty = api.RootElement.GetProperty("certainty");
            var html = await client.GetStringAsync(new Uri("/claims/" + claim.Slug, UriKind.Relative), Ct);
            var row = rows[claim.Id];

            var slug = GradingVocabulary.Slug(certaintyGrade);
            Assert.Equal(slug, certainty.GetProperty("certainty").GetProperty("slug").GetString());
            Assert.Equal(slug, row[Array.IndexOf(header, "certainty")]);
            Assert.Contains($"class=\"certainty certainty-{slug}\"", html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(GradingVocabulary.Name(certaintyGrade)), html, StringComparison.Ordinal);

            Assert.Equal(overstatement, certainty.GetProperty("overstatement").GetInt32());
            Assert.Equal(overstatement.ToString(System.Globalization.CultureInfo.InvariantCulture), row[Array.IndexOf(header, "overstatement")]);
            Assert.Contains($"Overstatement: {overstatement} step", html, StringComparison.Ordinal);

            foreach (var (domain, step) in CertaintyRule.DomainNames.Zip(steps))
            {
                Assert.Equal(step.ToString(System.Globalization.CultureInfo.InvariantCulture), row[Array.IndexOf(header, Web.Api.Exports.CsvDomainColumn(domain))]);
                Assert.Contains(certainty.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain").GetString() == domain && d.GetProperty("steps").GetInt32() == step);
            }

            Assert.Contains(System.Net.WebUtility.HtmlEncode(claim.Grading.SupportedStatement!), html, StringComparison.Ordinal);
            Assert.Contains("<caption id=\"grading-caption\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_certainty_filter_counts_and_the_overstatement_sort_come_from_the_same_query_as_the_list()
    {
        using var client = fixture.App.NewClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims?sort=overstatement", UriKind.Relative), Ct));
        // Claims about the research have no overstatement (null) and sort last.
        var steps = all.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("certainty").GetProperty("overstatement") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : -1).ToList();
        Assert.Equal(steps.OrderDescending(), steps);

        foreach (var count in all.RootElement.GetProperty("certaintyCounts").EnumerateArray())
        {
            var slug = count.GetProperty("slug").GetString()!;
            using var filtered = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/claims?certainty=" + slug, UriKind.Relative), Ct));
            Assert.Equal(count.GetProperty("count").GetInt32(), filtered.RootElement.GetProperty("total").GetInt32());
            Assert.All(filtered.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(slug, i.GetProperty("certainty").GetProperty("certainty").GetProperty("slug").GetString()));
            var page = await client.GetStringAsync(new Uri("/claims?certainty=" + slug, UriKind.Relative), Ct);
            Assert.Equal(count.GetProperty("count").GetInt32(), Html.ListedSlugs(page).Count);
        }

        Assert.Equal(400, (int)(await client.GetAsync(new Uri("/claims?certainty=sure", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_home_page_and_the_walk_through_say_how_often_the_article_overstates()
    {
        using var client = fixture.App.NewClient();
        // Claims about the research have verdicts and are never counted in the overstatement.
        Assert.Equal(fixture.Content.Claims.Count(c => c.Grading.Verdict is null), Recorded.Count);
        var sentence = $"The article sounds more certain than its evidence in {Recorded.Values.Count(r => r.Overstatement > 0)} of {Recorded.Count} graded claims";
        Assert.Contains(sentence, await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
        var article = await client.GetStringAsync(new Uri("/article", UriKind.Relative), Ct);
        Assert.Contains(sentence, article, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"gap-picture\"", article, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"gap-picture\"", await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Contains("Claims by condition and certainty of the evidence", await client.GetStringAsync(new Uri("/map?view=certainty", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Contains("Hooijmans", await client.GetStringAsync(new Uri("/evidence/method", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_article_page_a_claim_about_the_research_shows_its_verdict_not_a_certainty()
    {
        using var client = fixture.App.NewClient();
        var article = await client.GetStringAsync(new Uri("/article", UriKind.Relative), Ct);
        var verdicts = fixture.Content.Claims.Where(c => c.Grading.Verdict is not null).ToList();
        Assert.NotEmpty(verdicts);
        foreach (var claim in verdicts)
        {
            var row = article[article.IndexOf($"id=\"claim-{claim.Slug}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</li>", StringComparison.Ordinal)];
            Assert.Contains("Verdict", row, StringComparison.Ordinal);
            Assert.DoesNotContain("Certainty", row, StringComparison.Ordinal);
        }
    }

    private static List<string> ParseCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
