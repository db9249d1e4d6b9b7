using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Grading;

/// <summary>Each ingest diagnostic of a verdict, a panel's grade and the new source inputs, at its file, line and column.</summary>
public sealed class VerdictDiagnosticsTests
{
    private const string Sources = """
        - key: study-a
          design: systematic-review-of-trials
          population_kind: humans
          sample_size: 900
          risk_of_bias: low
          risk_of_bias_reason: Pooled trials.
          pooled_studies: 11
          interval: narrow
          industry_tie: false
          authors: Author A
          title: Study A
          doi: 10.1000/a.1
          verified: verified
        """;

    private const string Claim = """
        ---
        id: C1
        title: A claim about the research
        kind: uncertainty
        verdict:
          rating: accurate
          sources: [study-a]
          reason: The review says so.
        panel_certainty:
          - panel: study-a
            question: "Probiotics for pain"
            grade: low
            seen_at: https://example.org/grade
            verified: partly-verified
        conditions: [fibromyalgia]
        evidence: human-trial
        level_reasoning: One review.
        article_quote: "Probiotics can reduce pain."
        sources:
          - key: study-a
            relation: supports
        reviewed: 2026-11-01
        ---
        Summary.

        ## Evidence

        What it did.

        ## Caveats

        - One.
        """;

    private static string Root(string sources, string claim)
    {
        var root = TestContent.Create([]);
        File.WriteAllText(Path.Combine(root, "sources.yml"), sources);
        File.WriteAllText(Path.Combine(root, "claims", "verdict.md"), claim);
        File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Article\n", "C1"));
        return root;
    }

    private static (int Line, int Column) At(string text, string marker)
    {
        var i = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(i >= 0, marker);
        return (text[..i].Count(c => c == '\n') + 1, i - (text.LastIndexOf('\n', Math.Max(0, i - 1)) + 1) + 1);
    }

    [Fact]
    public void A_valid_verdict_and_panel_grade_read()
    {
        var result = ContentReader.Read(Root(Sources, Claim));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var claim = Assert.Single(result.Content!.Claims);
        Assert.Equal("accurate", claim.Grading.Verdict!.Rating);
        Assert.Empty(result.Content.Gradings!);
    }

    public static TheoryData<string, string, string, string, string> Broken { get; } = new()
    {
        // where, replace this, with this, the diagnostic starts at this marker (after the change), message contains
        { "claim", "rating: accurate", "rating: true-ish", "true-ish", "verdict rating 'true-ish' is not one of: accurate, partly-accurate, inaccurate, cannot-be-checked" },
        { "claim", "verdict:\n  rating: accurate\n  sources: [study-a]\n  reason: The review says so.\n", "", "kind:", "a claim of kind 'uncertainty' is about the research: give it a 'verdict'" },
        { "claim", "kind: uncertainty", "kind: forecast", "verdict:", "a claim of kind 'forecast' is about an effect and is graded for certainty; remove 'verdict'" },
        { "claim", "kind: uncertainty", "kind: uncertainty\nabout: humans\nsupported_statement: \"May.\"", "verdict:", "a claim with a verdict is about the research, not an effect: remove 'about'" },
        { "claim", "sources: [study-a]", "sources: [study-z]", "study-z", "verdict source 'study-z' is not one of this claim's sources" },
        { "claim", "grade: low", "grade: solid", "solid", "grade 'solid' is not one of: high, moderate, low, very-low" },
        { "claim", "panel: study-a", "panel: panel-z", "panel: panel-z", "panel_certainty panel 'panel-z' is not in sources.yml" },
        { "claim", "seen_at: https://example.org/grade", "seen_at: a leaflet", "a leaflet", "seen_at must be the absolute http(s) address" },
        { "sources", "industry_tie: false", "industry_tie: maybe", "maybe", "industry_tie 'maybe' must be true or false" },
        { "sources", "interval: narrow", "interval: tight", "tight", "interval 'tight' is not one of: wide, narrow" },
        { "sources", "design: systematic-review-of-trials", "design: randomised-trial", "pooled_studies", "'pooled_studies' belongs to a systematic review" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_at_its_file_line_and_column(string where, string find, string replace, string marker, string message)
    {
        var sources = where == "sources" ? Sources.Replace(find, replace, StringComparison.Ordinal) : Sources;
        var claim = where == "claim" ? Claim.Replace(find, replace, StringComparison.Ordinal) : Claim;
        Assert.True(sources != Sources || claim != Claim, find);

        var errors = ContentReader.Read(Root(sources, claim)).Diagnostics.Where(d => d.IsError).ToList();

        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        var (line, column) = At(where == "sources" ? sources : claim, marker);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Matches(@":\d+:\d+: error: ", error.ToString());
    }
}
