using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Tests.Grading;

/// <summary>
/// "What would change the grade", computed from the rule, checked on every row of the rule's table: each change it
/// offers, applied to the inputs and re-graded by the rule, does what it says.
/// </summary>
public sealed class GradeChangesTests
{
    public static TheoryData<string, string, GradingSource[], string?, Certainty, int[]> Cases => CertaintyRuleTests.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_domain_that_rated_down_gets_a_change_that_lifts_it_when_re_graded(string name, string about, GradingSource[] sources, string? publicationBias, Certainty expected, int[] steps)
    {
        var input = new GradingInput(about, sources, publicationBias);
        var grade = CertaintyRule.Grade(input);
        Assert.Equal(expected, grade.Certainty);
        var (lift, _) = GradeChanges.Candidates(input, grade);

        foreach (var domain in grade.Domains.Where(d => d.Steps > 0))
        {
            var (change, changed) = Assert.Single(lift, c => c.Change.Domain == domain.Domain);
            var after = CertaintyRule.Grade(changed);
            var stepsAfter = after.Domains.Single(d => d.Domain == domain.Domain).Steps;
            Assert.True(stepsAfter < domain.Steps, $"{name}: '{change.Change}' does not lift {domain.Domain}");
            Assert.Equal(after.Certainty, change.Result);
            Assert.Equal(stepsAfter, change.StepsAfter);
        }

        Assert.Equal(steps.Count(s => s > 0) + (grade.Certainty == Certainty.NoDirectEvidence ? 1 : 0), lift.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_change_offered_as_lowering_the_grade_lowers_it_when_re_graded(string name, string about, GradingSource[] sources, string? publicationBias, Certainty expected, int[] steps)
    {
        var input = new GradingInput(about, sources, publicationBias);
        var grade = CertaintyRule.Grade(input);
        var (_, lower) = GradeChanges.Candidates(input, grade);

        Assert.All(lower, c => Assert.True(CertaintyRule.Grade(c.Changed).Certainty < grade.Certainty, $"{name}: '{c.Change.Change}' does not lower {expected}"));
        if (grade.Certainty > Certainty.VeryLow)
        {
            Assert.NotEmpty(lower);
        }

        Assert.Equal(5, steps.Length);
    }

    [Fact]
    public void The_changes_name_the_sources_and_sizes_they_would_take()
    {
        var input = new GradingInput("animals", [CertaintyRuleTests.S("mckernan-2010", "animal-experiment", 40, "not-assessed"), CertaintyRuleTests.S("johnson-2011", "animal-experiment", 20, tie: true)]);
        var changes = GradeChanges.For(input, CertaintyRule.Grade(input));

        Assert.Contains(changes.Lift, c => c.Change.Contains("risk of bias assessed as low for mckernan-2010", StringComparison.Ordinal));
        Assert.Contains(changes.Lift, c => c.Change.Contains("another animal experiment with 40 animals", StringComparison.Ordinal));
    }
}
