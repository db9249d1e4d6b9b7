using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

/// <summary>The overstatement table of /evidence/method, row by row.</summary>
public sealed class OverstatementTests
{
    private static readonly GradingSource Mice = new("m", "supports", "animal-experiment", "animals", null, "not-assessed", "direct");
    private static readonly GradingSource Cohort = new("c", "supports", "cohort", "humans", 300, "low", "direct");
    private static readonly GradingSource Cohort2 = new("c2", "supports", "cohort", "humans", 300, "low", "direct");
    private static readonly GradingSource Trial = new("t", "supports", "randomised-trial", "humans", 500, "low", "direct");
    private static readonly GradingSource Trial2 = new("t2", "supports", "randomised-trial", "humans", 500, "low", "direct");

    public static TheoryData<string, string, string, int, string> Table => new()
    {
        // sentence, evidence, kind, steps, types
        { "Fibre reduces pain.", "trial", "finding", 0, "" },
        { "Fibre reduces pain.", "cohort", "finding", 2, "wording surer than the certainty; correlation → cause" },
        { "Fibre may reduce pain.", "cohort", "finding", 1, "correlation → cause" },
        { "Fibre is associated with less pain.", "cohort", "finding", 2, "wording surer than the certainty" },
        { "Fibre may be associated with less pain.", "cohort", "finding", 0, "" },
        { "Fibre reduces pain.", "mice", "finding", 3, "wording surer than the certainty; animal → humans" },
        { "Fibre may reduce pain.", "mice", "finding", 1, "wording surer than the certainty; animal → humans" },
        { "Eat fibre: it reduces pain.", "cohort", "advice", 2, "wording surer than the certainty; correlation → cause; advice beyond the evidence" },
        { "Fibre was not associated with pain.", "cohort", "finding", 0, "" },
        { "Whether fibre reduces pain is unclear.", "mice", "advice", 0, "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Overstatement_follows_the_method_table(string sentence, string evidence, string kind, int steps, string types)
    {
        // Two studies of 300 or 500 people: no imprecision, so cohorts grade low and trials high; mice grade very low.
        List<GradingSource> sources = evidence switch { "mice" => [Mice], "cohort" => [Cohort, Cohort2], _ => [Trial, Trial2] };
        var input = new GradingInput("humans", sources);
        var reading = Overstatement.Measure(StatementStrength.Read(sentence), CertaintyRule.Grade(input), input, kind);

        Assert.Equal(steps, reading.Steps);
        Assert.Equal(types, string.Join("; ", reading.Types));
    }

    [Fact]
    public void No_relationship_or_stated_uncertainty_is_never_an_overstatement()
    {
        Assert.True(Overstatement.NeverOverstated(StatementStrength.Read("Fibre did not reduce pain.")));
        Assert.True(Overstatement.NeverOverstated(StatementStrength.Read("Whether fibre reduces pain remains unknown.")));
        Assert.False(Overstatement.NeverOverstated(StatementStrength.Read("Fibre reduces pain.")));
    }

    [Fact]
    public void Correlation_to_cause_counts_only_over_observational_evidence_and_beyond_correlational()
    {
        Assert.Equal(2, Overstatement.CorrelationToCauseSteps(Relation.DirectCausal, [Cohort]));
        Assert.Equal(0, Overstatement.CorrelationToCauseSteps(Relation.Correlational, [Cohort]));
        Assert.Equal(0, Overstatement.CorrelationToCauseSteps(Relation.DirectCausal, [Trial]));
        Assert.Equal(1, Overstatement.AnimalToHumansSteps("humans", [Mice]));
        Assert.Equal(0, Overstatement.AnimalToHumansSteps("animals", [Mice]));
    }
}
