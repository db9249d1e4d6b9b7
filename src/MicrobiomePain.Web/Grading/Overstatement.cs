namespace MicrobiomePain.Web.Grading;

/// <summary>How much surer the article sounds than its evidence, and which of Sumner et al.'s exaggeration types applies.</summary>
public sealed record OverstatementReading(int Steps, int Gap, IReadOnlyList<string> Types, string Words);

public static class Overstatement
{
    public const string AnimalToHumans = "animal → humans";
    public const string CorrelationToCause = "correlation → cause";
    public const string AdviceBeyondEvidence = "advice beyond the evidence";

    public static readonly IReadOnlyList<string> Types = [AnimalToHumans, CorrelationToCause, AdviceBeyondEvidence];

    /// <summary>
    /// The article's strength minus the evidence's certainty, in steps (no direct evidence counts as very low: nothing
    /// supports saying more than "very uncertain"); below zero the article sounds less sure than it could, which is
    /// not an overstatement. Exaggeration types are named only when the article overstates.
    /// </summary>
    public static OverstatementReading Measure(ArticleStrength strength, CertaintyGrade grade, GradingInput input, string kind, string sentence)
    {
        var certainty = Math.Max((int)grade.Certainty, (int)Certainty.VeryLow);
        var gap = (int)strength - certainty;
        var steps = Math.Max(0, gap);
        var types = new List<string>();
        if (steps > 0)
        {
            var deciding = input.Sources.Where(s => grade.StartKeys.Contains(s.Key)).ToList();
            if (input.About == "humans" && deciding.Count > 0 && deciding.All(s => s.PopulationKind != "humans"))
            {
                types.Add(AnimalToHumans);
            }

            if (deciding.Count > 0 && deciding.All(s => GradingVocabulary.Design(s.Design)?.Kind == DesignKind.Observational) && StatementStrength.SoundsCausal(sentence))
            {
                types.Add(CorrelationToCause);
            }

            if (kind == "advice")
            {
                types.Add(AdviceBeyondEvidence);
            }
        }

        var words = steps switch
        {
            0 when gap < 0 => $"The article sounds less sure than the evidence allows ({-gap} {(gap == -1 ? "step" : "steps")}): no overstatement.",
            0 => "The article sounds as sure as the evidence allows: no overstatement.",
            _ => $"The article sounds surer than the evidence by {steps} {(steps == 1 ? "step" : "steps")}" +
                 (types.Count > 0 ? $" ({string.Join("; ", types)})." : "."),
        };
        return new OverstatementReading(steps, gap, types, words);
    }
}
