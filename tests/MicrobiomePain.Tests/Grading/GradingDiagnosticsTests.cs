using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Grading;

/// <summary>Each ingest diagnostic of the certainty inputs, at its file, line and column.</summary>
public sealed class GradingDiagnosticsTests
{
    private const string Sources = """
        - key: study-a
          design: randomised-trial
          population_kind: humans
          sample_size: 300
          risk_of_bias: low
          risk_of_bias_reason: Double-blind.
          authors: Author A
          title: Study A
          doi: 10.1000/a.1
          verified: verified
        - key: study-b
          design: [animal-experiment, non-randomised-trial]
          population_kind: [animals, humans]
          sample_size: [unknown, 14]
          risk_of_bias: [not-assessed, high]
          risk_of_bias_reason: Open-label pilot.
          authors: Author B
          title: Study B
          doi: 10.1000/b.2
          verified: verified
        """;

    private const string Claim = """
        ---
        id: C1
        about: humans
        supported_statement: "Probiotics probably reduce pain."
        title: A graded claim
        conditions: [fibromyalgia]
        evidence: human-trial
        level_reasoning: One trial.
        article_quote: "Probiotics can reduce pain."
        sources:
          - key: study-a
            outcome: direct
            relation: supports
          - key: study-b
            outcome: indirect
            outcome_reason: symptom score, not pain
            design: non-randomised-trial
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
        File.WriteAllText(Path.Combine(root, "claims", "graded.md"), claim);
        File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Article\n\n[[claim:graded]]\n", "C1"));
        return root;
    }

    /// <summary>1-based line and column where <paramref name="marker"/> starts in <paramref name="text"/>.</summary>
    private static (int Line, int Column) At(string text, string marker)
    {
        var i = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(i >= 0, marker);
        var line = text[..i].Count(c => c == '\n') + 1;
        return (line, i - (text.LastIndexOf('\n', Math.Max(0, i - 1)) + 1) + 1);
    }

    [Fact]
    public void The_valid_inputs_read_and_grade()
    {
        var result = ContentReader.Read(Root(Sources, Claim));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    public static TheoryData<string, string, string, string, string, string> Broken { get; } = new()
    {
        // where: sources|claim, replace this, with this, the diagnostic starts at this marker (after the change), message contains
        { "sources", "design: randomised-trial", "design: guesswork", "guesswork", "design 'guesswork' is not one of", "unknown design" },
        { "sources", "population_kind: humans", "population_kind: robots", "robots", "population_kind 'robots' is not one of", "unknown population" },
        { "sources", "sample_size: 300", "sample_size: about 300", "about 300", "must be a whole number of participants or animals, or 'unknown'", "guessed sample size" },
        { "sources", "risk_of_bias: low\n", "risk_of_bias: fine\n", "fine", "risk_of_bias 'fine' is not one of", "unknown risk of bias" },
        { "sources", "  risk_of_bias_reason: Double-blind.\n", "", "risk_of_bias: low", "'risk_of_bias' needs 'risk_of_bias_reason'", "missing reason" },
        { "sources", "  sample_size: 300\n", "", "design: randomised-trial", "certainty inputs come together: add 'sample_size'", "missing input" },
        { "sources", "sample_size: [unknown, 14]", "sample_size: [unknown]", "sample_size: [unknown]", "'sample_size' has 1 value(s) but 'design' has 2", "lists of unequal length" },
        { "claim", "about: humans", "about: plants", "plants", "about 'plants' is not one of: humans, animals", "unknown about" },
        { "claim", "supported_statement: \"Probiotics probably reduce pain.\"\n", "", "about: humans", "a graded claim (with 'about') needs 'supported_statement'", "missing statement" },
        { "claim", "supported_statement: \"Probiotics probably reduce pain.\"", "supported_statement: \"Trials have shown probiotics probably reduce pain.\"", "\"Trials have", "says 'shown', the wording of high certainty, but the certainty is moderate", "statement too strong" },
        { "claim", "supported_statement: \"Probiotics probably reduce pain.\"", "supported_statement: \"Probiotics reduce pain.\"", "\"Probiotics reduce", "does not carry the wording of its certainty (moderate): use \"probably\"", "statement without its wording" },
        { "claim", "    outcome: direct\n", "", "key: study-a", "source 'study-a' needs 'outcome: direct' or 'outcome: indirect'", "missing outcome" },
        { "claim", "outcome: direct", "outcome: maybe", "maybe", "outcome 'maybe' is not one of: direct, indirect", "unknown outcome" },
        { "claim", "    outcome_reason: symptom score, not pain\n", "", "outcome: indirect", "an indirect outcome needs 'outcome_reason'", "missing outcome reason" },
        { "claim", "    design: non-randomised-trial\n", "", "key: study-b", "source 'study-b' has several designs", "design not chosen" },
        { "claim", "design: non-randomised-trial", "design: cohort", "key: study-b", "source 'study-b' has no design 'cohort'", "design not the source's" },
        { "claim", "about: humans", "about: humans\narticle_strength: may", "article_strength: may", "an article_strength override needs 'article_strength_reason'", "override without reason" },
        { "claim", "article_quote: \"Probiotics can reduce pain.\"", "article_quote: \"Probiotics reduce pain.\"", "\"Probiotics reduce", "reads as 'established' against a certainty of 'moderate': 1 step of overstatement; say how it goes beyond the evidence in 'hype_gap'", "overstatement without a hype gap" },
        { "claim", "about: humans", "about: humans\narticle_strength: loud\narticle_strength_reason: x", "loud", "article_strength 'loud' is not one of", "unknown strength" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_at_its_file_line_and_column(string where, string find, string replace, string marker, string message, string what)
    {
        var sources = where == "sources" ? Sources.Replace(find, replace, StringComparison.Ordinal) : Sources;
        var claim = where == "claim" ? Claim.Replace(find, replace, StringComparison.Ordinal) : Claim;
        Assert.True(sources != Sources || claim != Claim, what);

        var errors = ContentReader.Read(Root(sources, claim)).Diagnostics.Where(d => d.IsError).ToList();

        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.EndsWith(where == "sources" ? "sources.yml" : Path.Combine("claims", "graded.md"), error.File, StringComparison.Ordinal);
        var (line, column) = At(where == "sources" ? sources : claim, marker);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Matches(@":\d+:\d+: error: ", error.ToString());
    }

    [Fact]
    public void A_body_source_without_inputs_is_named_in_the_claim()
    {
        var sources = Sources.Replace("  design: randomised-trial\n  population_kind: humans\n  sample_size: 300\n  risk_of_bias: low\n  risk_of_bias_reason: Double-blind.\n", "", StringComparison.Ordinal);

        var errors = ContentReader.Read(Root(sources, Claim)).Diagnostics.Where(d => d.IsError).ToList();

        var error = Assert.Single(errors);
        Assert.Contains("source 'study-a' has no certainty inputs", error.Message, StringComparison.Ordinal);
        Assert.Equal(At(Claim, "key: study-a").Line, error.Line);
    }
}
