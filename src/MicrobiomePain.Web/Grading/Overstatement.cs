namespace MicrobiomePain.Web.Grading;

/// <summary>How much surer the article sounds than its evidence, on which axis, and which of Sumner et al.'s exaggeration types applies.</summary>
public sealed record OverstatementReading(int Steps, int Gap, IReadOnlyList<string> Types, string Words);

/// <summary>
/// Overstatement from the sentence's two readings against the evidence behind it (the table on /evidence/method), in
/// named steps, each pure:
/// <list type="number">
/// <item><see cref="NeverOverstated"/>: a statement of no relationship, or one that states uncertainty, is never an overstatement.</item>
/// <item><see cref="WordingSteps"/>: the hedging against GRADE's wording for the certainty (high "reduces", moderate
/// "probably", low "may", very low "very uncertain"; no direct evidence counts as very low).</item>
/// <item><see cref="CorrelationToCauseSteps"/>: a causal sentence (2-3) over only observational evidence, by how far it
/// goes beyond correlational (1) on the scale.</item>
/// <item><see cref="AnimalToHumansSteps"/>: a sentence about people over only animal or cell evidence, one step.</item>
/// <item><see cref="AdviceBeyondEvidence"/>: advice that overstates on any axis is also this type.</item>
/// </list>
/// The steps are the largest of the three measures; the types are every one that applies.
/// </summary>
public static class Overstatement
{
    public const string AnimalToHumans = "animal → humans";
    public const string CorrelationToCause = "correlation → cause";
    public const string OverstatedWording = "wording surer than the certainty";
    public const string AdviceBeyondEvidenceType = "advice beyond the evidence";

    public static readonly IReadOnlyList<string> Types = [OverstatedWording, CorrelationToCause, AnimalToHumans, AdviceBeyondEvidenceType];

    public static OverstatementReading Measure(StrengthReading reading, CertaintyGrade grade, GradingInput input, string kind)
    {
        var gap = (int)reading.Strength - Math.Max((int)grade.Certainty, (int)Certainty.VeryLow);
        if (NeverOverstated(reading))
        {
            return new OverstatementReading(0, gap, [], reading.Relation == Relation.NoRelationship
                ? "The sentence states no relationship, so it cannot overstate one: no overstatement."
                : "The sentence states the uncertainty itself: no overstatement.");
        }

        var deciding = input.Sources.Where(s => grade.StartKeys.Contains(s.Key)).ToList();
        var measures = new List<(string Type, int Steps)>
        {
            (OverstatedWording, WordingSteps(reading.Strength, grade.Certainty)),
            (CorrelationToCause, CorrelationToCauseSteps(reading.Relation, deciding)),
            (AnimalToHumans, AnimalToHumansSteps(input.About, deciding)),
        };
        var steps = measures.Max(m => m.Steps);
        var types = measures.Where(m => m.Steps > 0).Select(m => m.Type).ToList();
        if (AdviceBeyondEvidence(kind, steps))
        {
            types.Add(AdviceBeyondEvidenceType);
        }

        var words = steps switch
        {
            0 when gap < 0 => $"The article sounds less sure than the evidence allows ({-gap} {Plural(-gap)}): no overstatement.",
            0 => "The article sounds as sure as the evidence allows: no overstatement.",
            _ => $"The article sounds surer than the evidence by {steps} {Plural(steps)} ({string.Join("; ", types)}).",
        };
        return new OverstatementReading(steps, gap, types, words);
    }

    /// <summary>Step 1: no relationship stated, or the uncertainty stated, cannot go beyond the evidence.</summary>
    public static bool NeverOverstated(StrengthReading reading) =>
        reading.Relation == Relation.NoRelationship || reading.Strength == ArticleStrength.StatesUncertainty;

    /// <summary>Step 2: how many rungs of GRADE's wording ladder the hedging stands above the certainty.</summary>
    public static int WordingSteps(ArticleStrength hedging, Certainty certainty) =>
        Math.Max(0, (int)hedging - Math.Max((int)certainty, (int)Certainty.VeryLow));

    /// <summary>Step 3: a causal relation over deciding evidence that is all observational, beyond correlational (1).</summary>
    public static int CorrelationToCauseSteps(Relation relation, IReadOnlyList<GradingSource> deciding) =>
        deciding.Count > 0 && deciding.All(s => GradingVocabulary.Design(s.Design)?.Kind == DesignKind.Observational)
            ? Math.Max(0, (int)relation - (int)Relation.Correlational)
            : 0;

    /// <summary>Step 4: a claim about people whose deciding evidence is all in animals or cells.</summary>
    public static int AnimalToHumansSteps(string about, IReadOnlyList<GradingSource> deciding) =>
        about == "humans" && deciding.Count > 0 && deciding.All(s => s.PopulationKind != "humans") ? 1 : 0;

    /// <summary>Step 5: advice that goes beyond the evidence on any axis.</summary>
    public static bool AdviceBeyondEvidence(string kind, int steps) => kind == "advice" && steps > 0;

    private static string Plural(int n) => n == 1 ? "step" : "steps";
}
