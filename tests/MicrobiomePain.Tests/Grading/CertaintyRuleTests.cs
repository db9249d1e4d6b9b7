using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

/// <summary>
/// The certainty rule as a table: each domain alone, combinations, the floor, claims about humans and about animals,
/// no evidence. Each row gives the expected certainty and the step of every domain (risk of bias, inconsistency,
/// indirectness, imprecision, publication bias), so breaking any one domain in the code fails rows here.
/// </summary>
public sealed class CertaintyRuleTests
{
    internal static GradingSource S(string key, string design, int? n = 500, string rob = "low", string relation = "supports", string outcome = "direct", string? population = null, bool tie = false, int? pooled = null, string? interval = null) =>
        new(key, relation, design, population ?? design switch
        {
            "animal-experiment" or "systematic-review-of-animal-studies" => "animals",
            "in-vitro" => "cells",
            "narrative-review" or "news" => "none",
            _ => "humans",
        }, n, rob, outcome, null, tie, pooled, interval);

    private static readonly GradingSource TrialA = S("trial-a", "randomised-trial", 300);
    private static readonly GradingSource TrialB = S("trial-b", "randomised-trial", 300);

    public static TheoryData<string, string, GradingSource[], string?, Certainty, int[]> Cases { get; } = new()
    {
        // name, about, sources, publication bias, expected certainty, steps [RoB, inconsistency, indirectness, imprecision, publication bias]
        { "two large sound trials stay high", "humans", [TrialA, TrialB], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "a systematic review of trials with enough people stays high", "humans", [S("sr", "systematic-review-of-trials", 900), TrialA], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "risk of bias alone: most participants in high-risk trials", "humans", [S("a", "randomised-trial", 300, "high"), S("b", "randomised-trial", 200)], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: a small high-risk trial beside a large sound one does not rate down", "humans", [S("a", "randomised-trial", 100, "high"), S("b", "randomised-trial", 400)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "risk of bias by count when a size is unknown: one of two at high risk is half", "humans", [S("a", "randomised-trial", null, "high"), S("b", "randomised-trial", 500)], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: some concerns alone do not rate down", "humans", [S("a", "randomised-trial", 300, "some-concerns"), S("b", "randomised-trial", 300, "some-concerns")], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "risk of bias: not assessed holding half the weight is unclear risk and rates down", "humans", [S("a", "randomised-trial", 300, "some-concerns"), S("b", "randomised-trial", 300, "not-assessed")], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: not assessed in a minority does not rate down", "humans", [S("a", "randomised-trial", 100, "not-assessed"), S("b", "randomised-trial", 400)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "risk of bias (SYRCLE): animal experiments with randomisation and blinding unreported rate down", "animals", [S("a", "animal-experiment", 60, "not-assessed"), S("b", "animal-experiment", 60, "not-assessed")], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: an industry tie makes a low-risk trial unclear", "humans", [S("a", "randomised-trial", 300, tie: true), S("b", "randomised-trial", 200)], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: an industry tie makes an animal experiment with some concerns unclear", "animals", [S("a", "animal-experiment", 60, "some-concerns", tie: true), S("b", "animal-experiment", 60, "some-concerns")], null, Certainty.Moderate, [1, 0, 0, 0, 0] },
        { "risk of bias: an industry tie in a minority does not rate down", "humans", [S("a", "randomised-trial", 100, tie: true), S("b", "randomised-trial", 400)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "risk of bias very serious: every deciding trial at high risk takes two steps", "humans", [S("a", "randomised-trial", 300, "high"), S("b", "randomised-trial", 300, "high")], null, Certainty.Low, [2, 0, 0, 0, 0] },
        { "inconsistency alone: a contradicting trial that measured the outcome", "humans", [TrialA, TrialB, S("c", "randomised-trial", 300, relation: "contradicts")], null, Certainty.Moderate, [0, 1, 0, 0, 0] },
        { "inconsistency: a contradicting trial that measured a stand-in outcome does not count", "humans", [TrialA, TrialB, S("c", "randomised-trial", 300, relation: "contradicts", outcome: "indirect")], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "inconsistency very serious: as many contradicting trials as supporting ones", "humans", [TrialA, TrialB, S("c", "randomised-trial", 300, relation: "contradicts"), S("d", "randomised-trial", 300, relation: "contradicts")], null, Certainty.Low, [0, 2, 0, 0, 0] },
        { "inconsistency: a contradicting observational study does not outweigh trials", "humans", [TrialA, TrialB, S("c", "cohort", 3000, relation: "contradicts")], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "a guideline is not graded: a contradicting guideline is not inconsistency", "humans", [TrialA, TrialB, S("g", "guideline", null, relation: "contradicts")], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "a guideline is not graded: a guideline alone is no direct evidence", "humans", [S("g", "guideline", null)], null, Certainty.NoDirectEvidence, [0, 0, 0, 0, 0] },
        { "indirectness alone: half the trials measure a stand-in outcome", "humans", [TrialA, S("b", "randomised-trial", 300, outcome: "indirect")], null, Certainty.Moderate, [0, 0, 1, 0, 0] },
        { "indirectness: one stand-in among three does not rate down", "humans", [TrialA, TrialB, S("c", "randomised-trial", 300, outcome: "indirect")], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "indirectness very serious: animal evidence on a stand-in outcome for a claim about humans", "humans", [S("a", "animal-experiment", 200, outcome: "indirect"), S("b", "animal-experiment", 300, outcome: "indirect")], null, Certainty.VeryLow, [0, 0, 2, 0, 0] },
        { "imprecision alone: a single trial", "humans", [S("a", "randomised-trial", 5000)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "imprecision very serious: one primary study under a tenth of the minimum", "humans", [S("a", "randomised-trial", 30)], null, Certainty.Low, [0, 0, 0, 2, 0] },
        { "imprecision: one primary study of unknown size is serious, not very serious", "humans", [S("a", "randomised-trial", null)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "imprecision alone: two trials below 400 people", "humans", [S("a", "randomised-trial", 150), S("b", "randomised-trial", 249)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "imprecision: exactly 400 people is enough", "humans", [S("a", "randomised-trial", 150), S("b", "randomised-trial", 250)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "imprecision: every size unknown is imprecise", "humans", [S("a", "randomised-trial", null), S("b", "randomised-trial", null)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "imprecision: a meta-analysis counts its pooled studies and participants, not as a single study", "humans", [S("sr", "systematic-review-of-trials", 900, pooled: 11)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "imprecision: a meta-analysis recording a narrow interval is precise though its size is unknown", "humans", [S("sr", "systematic-review-of-observational", null, pooled: 11, interval: "narrow")], null, Certainty.Low, [0, 0, 0, 0, 0] },
        { "imprecision: a meta-analysis of unknown size and no recorded interval is imprecise", "humans", [S("sr", "systematic-review-of-observational", null, pooled: 11)], null, Certainty.VeryLow, [0, 0, 0, 1, 0] },
        { "imprecision: a recorded wide interval is imprecise whatever the size", "humans", [S("sr", "systematic-review-of-trials", 5000, pooled: 20, interval: "wide")], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "imprecision: a review pooling one study is a single primary study", "humans", [S("sr", "systematic-review-of-trials", 5000, pooled: 1)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "publication bias alone, when recorded", "humans", [TrialA, TrialB], "Small positive trials only; registered trials unpublished.", Certainty.Moderate, [0, 0, 0, 0, 1] },
        { "observational evidence starts low", "humans", [S("a", "case-control", 300), S("b", "cohort", 300)], null, Certainty.Low, [0, 0, 0, 0, 0] },
        { "a non-randomised trial starts low", "humans", [S("a", "non-randomised-trial", 300), S("b", "non-randomised-trial", 300)], null, Certainty.Low, [0, 0, 0, 0, 0] },
        { "observational, two very serious concerns: floored at very low", "humans", [S("a", "case-control", 28), S("b", "case-control", 1000, relation: "contradicts")], null, Certainty.VeryLow, [0, 2, 0, 2, 0] },
        { "combination: trials with inconsistency, indirectness and imprecision end very low", "humans", [S("a", "randomised-trial", 165, outcome: "indirect"), S("b", "randomised-trial", 45, "high"), S("c", "randomised-trial", 52, relation: "contradicts")], null, Certainty.VeryLow, [0, 1, 1, 1, 0] },
        { "combination: all five domains, floored", "humans", [S("a", "randomised-trial", 10, "high", outcome: "indirect"), S("c", "randomised-trial", 52, relation: "contradicts")], "Recorded.", Certainty.VeryLow, [2, 2, 1, 2, 1] },
        { "humans claim on animal evidence starts at the bottom and is indirect", "humans", [S("a", "animal-experiment", 200), S("b", "animal-experiment", 300)], null, Certainty.VeryLow, [0, 0, 1, 0, 0] },
        { "humans claim on cell evidence is very low", "humans", [S("a", "in-vitro", null), S("b", "in-vitro", null)], null, Certainty.VeryLow, [0, 0, 1, 1, 0] },
        { "animals claim on animal experiments starts high", "animals", [S("a", "animal-experiment", 60), S("b", "animal-experiment", 60)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "animals claim: below 100 animals is imprecise", "animals", [S("a", "animal-experiment", 40), S("b", "animal-experiment", 59)], null, Certainty.Moderate, [0, 0, 0, 1, 0] },
        { "animals claim on cells is very low", "animals", [S("a", "in-vitro", 500), S("b", "in-vitro", 500)], null, Certainty.VeryLow, [0, 0, 0, 0, 0] },
        { "animals claim: a contradicting animal experiment is inconsistency", "animals", [S("a", "animal-experiment", 60), S("b", "animal-experiment", 60), S("c", "animal-experiment", 60, relation: "contradicts")], null, Certainty.Moderate, [0, 1, 0, 0, 0] },
        { "the best design decides: trials beside animal work", "humans", [TrialA, TrialB, S("m", "animal-experiment", null)], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "partly-supports counts as support", "humans", [S("a", "randomised-trial", 300, relation: "partly-supports"), TrialB], null, Certainty.High, [0, 0, 0, 0, 0] },
        { "no evidence: only context", "humans", [S("a", "randomised-trial", relation: "context")], null, Certainty.NoDirectEvidence, [0, 0, 0, 0, 0] },
        { "no evidence: a narrative review and news are not graded", "humans", [S("r", "narrative-review", null), S("n", "news", null)], null, Certainty.NoDirectEvidence, [0, 0, 0, 0, 0] },
        { "no evidence: only contradicting sources", "humans", [S("a", "randomised-trial", 500, relation: "contradicts")], null, Certainty.NoDirectEvidence, [0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_rule_gives_the_expected_certainty_and_domain_steps(string name, string about, GradingSource[] sources, string? publicationBias, Certainty expected, int[] steps)
    {
        var grade = CertaintyRule.Grade(new GradingInput(about, sources, publicationBias));

        Assert.True(expected == grade.Certainty, $"{name}: expected {expected}, got {grade.Certainty}");
        Assert.Equal(CertaintyRule.DomainNames, grade.Domains.Select(d => d.Domain));
        Assert.Equal(steps, grade.Domains.Select(d => d.Steps));
    }

    [Fact]
    public void The_table_has_at_least_forty_cases() => Assert.True(Cases.Count >= 40);

    [Fact]
    public void Publication_bias_recorded_as_very_serious_takes_two_steps()
    {
        var grade = CertaintyRule.Grade(new GradingInput("humans", [TrialA, TrialB], "Only small positive trials published.", PublicationBiasSteps: 2));

        Assert.Equal(Certainty.Low, grade.Certainty);
        Assert.Equal(2, grade.Domains.Single(d => d.Domain == CertaintyRule.PublicationBias).Steps);
    }

    /// <summary>
    /// The rule's version is part of the store's identity (ContentHash): a changed table of cases means a changed
    /// rule, so this fingerprint fails until <see cref="CertaintyRule.Version"/> is bumped and the fingerprint updated.
    /// </summary>
    [Fact]
    public void The_rule_version_is_bumped_whenever_the_table_of_cases_changes()
    {
        var text = string.Join("\n", Cases.Select(row =>
        {
            var values = ((Xunit.ITheoryDataRow)row).GetData();
            return $"{values[0]}|{values[4]}|{string.Join(',', (int[])values[5]!)}";
        }));
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

        Assert.True(
            (CertaintyRule.Version, fingerprint) == ("2026-12-07", "907f18ff60188bb7"),
            $"The rule's table changed (fingerprint {fingerprint}): bump CertaintyRule.Version so stores graded by the old rule are rebuilt, then update this test.");
    }

    [Fact]
    public void Each_domain_step_names_the_sources_behind_it()
    {
        var grade = CertaintyRule.Grade(new GradingInput("humans", [S("a", "randomised-trial", 300, outcome: "indirect"), S("b", "randomised-trial", 50, "high"), S("c", "randomised-trial", 52, relation: "contradicts")]));

        Assert.Equal(["b"], grade.Domains.Single(d => d.Domain == CertaintyRule.RiskOfBias).SourceKeys);
        Assert.Equal(["c"], grade.Domains.Single(d => d.Domain == CertaintyRule.Inconsistency).SourceKeys);
        Assert.Equal(["a"], grade.Domains.Single(d => d.Domain == CertaintyRule.Indirectness).SourceKeys);
        Assert.Equal(["a", "b"], grade.StartKeys);
        Assert.Contains("350 participants", grade.Domains.Single(d => d.Domain == CertaintyRule.Imprecision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_sample_size_is_shown_as_unknown_and_never_counted_as_none()
    {
        string Reason(params GradingSource[] sources) =>
            CertaintyRule.Grade(new GradingInput("humans", sources)).Domains.Single(d => d.Domain == CertaintyRule.Imprecision).Reason;

        Assert.Contains("unknown for every deciding source (a, b)", Reason(S("a", "randomised-trial", null), S("b", "randomised-trial", null)), StringComparison.Ordinal);
        var some = Reason(S("a", "randomised-trial", 150), S("b", "randomised-trial", null));
        Assert.Contains("150 participants known", some, StringComparison.Ordinal);
        Assert.Contains("number unknown for b; not counted", some, StringComparison.Ordinal);
    }

    [Fact]
    public void The_floor_is_recorded_when_steps_would_go_below_very_low()
    {
        var grade = CertaintyRule.Grade(new GradingInput("humans", [S("a", "case-control", 10), S("b", "case-control", 10, relation: "contradicts")]));

        Assert.Equal(Certainty.VeryLow, grade.Certainty);
        Assert.True(grade.Floored);
        Assert.Equal(4, grade.StepsDown); // inconsistency and imprecision, each very serious
    }

    [Fact]
    public void Thresholds_are_the_ones_stated_on_the_method_page()
    {
        var method = File.ReadAllText(Path.Combine(Support.TestContent.Shipped(), "pages", "method.md"));
        Assert.Contains($"{CertaintyRule.MinimumParticipants} participants (`{nameof(CertaintyRule.MinimumParticipants)}`)", method, StringComparison.Ordinal);
        Assert.Contains($"{CertaintyRule.MinimumAnimals} animals for a claim about animals (`{nameof(CertaintyRule.MinimumAnimals)}`)", method, StringComparison.Ordinal);
        Assert.Contains($"{CertaintyRule.ConcernShareThreshold * 100:0}% (`{nameof(CertaintyRule.ConcernShareThreshold)}`)", method, StringComparison.Ordinal);
        Assert.Contains($"a tenth of the minimum (`{nameof(CertaintyRule.VerySmallShare)}`)", method, StringComparison.Ordinal);
        Assert.Contains($"{CertaintyRule.IndirectShareThreshold * 100:0}% (`{nameof(CertaintyRule.IndirectShareThreshold)}`)", method, StringComparison.Ordinal);
    }
}
