using System.Globalization;

namespace MicrobiomePain.Web.Grading;

/// <summary>
/// The five GRADE domains of <see cref="CertaintyRule"/>, each judging the deciding evidence: no concern (0), serious
/// (down one step) or very serious (down two). The method page states each in words; keep the two in step.
/// </summary>
public static class CertaintyDomains
{
    /// <summary>
    /// Unclear risk of bias: not assessed (for an animal experiment, randomisation and blinding unreported, SYRCLE's
    /// "unclear"), or a tie to the product's maker, whatever the judgement otherwise. "Some concerns" is a judgement made.
    /// </summary>
    public static bool Unclear(GradingSource s) => s.RiskOfBias == "not-assessed" || (s.IndustryTie && s.RiskOfBias != "high");

    public static bool Concern(GradingSource s) => s.RiskOfBias == "high" || Unclear(s);

    /// <summary>Serious when high or unclear risk holds at least half the weight; very serious when all of it is at high risk.</summary>
    public static DomainJudgement RiskOfBias(List<GradingSource> deciding)
    {
        // Weight by sample size when every deciding source has one; otherwise each source counts once.
        var weighted = deciding.All(s => s.SampleSize is > 0);
        double Weight(GradingSource s) => weighted ? s.SampleSize!.Value : 1;
        var high = deciding.Where(s => s.RiskOfBias == "high").ToList();
        var concerns = deciding.Where(Concern).ToList();
        var share = concerns.Sum(Weight) / deciding.Sum(Weight);
        var by = weighted ? "of the participants" : "of the sources";
        var unclear = concerns.Where(Unclear).ToList();
        var unclearNote = unclear.Count == 0 ? "" : $" (unclear: {string.Join(", ", unclear.Select(s => s.Key + (s.IndustryTie ? " — tie to the product's maker" : " — not assessed")))})";
        if (high.Count == deciding.Count)
        {
            return Judge(CertaintyRule.RiskOfBias, 2, "Every deciding source is at high risk of bias.", high);
        }

        return share >= CertaintyRule.ConcernShareThreshold
            ? Judge(CertaintyRule.RiskOfBias, 1, $"Sources at high or unclear risk of bias hold {Pct(share)} {by} in the deciding evidence (threshold {Pct(CertaintyRule.ConcernShareThreshold)}){unclearNote}.", concerns)
            : Judge(CertaintyRule.RiskOfBias, 0, concerns.Count == 0
                ? "No deciding source is at high or unclear risk of bias."
                : $"Sources at high or unclear risk of bias hold {Pct(share)} {by} in the deciding evidence, below {Pct(CertaintyRule.ConcernShareThreshold)}{unclearNote}.", concerns);
    }

    /// <summary>
    /// Only a contradicting study that measured the claim's outcome (outcome: direct), of the starting design or better,
    /// counts. Serious for any; very serious when such studies are at least as many as the deciding supporting ones.
    /// </summary>
    public static DomainJudgement Inconsistency(List<GradingSource> body, List<GradingSource> deciding, Certainty start, string about)
    {
        var against = body.Where(s => s.Relation == "contradicts" && s.Outcome == "direct" && CertaintyRule.StartOf(s, about) >= start).ToList();
        if (against.Count > 0)
        {
            return against.Count >= deciding.Count
                ? Judge(CertaintyRule.Inconsistency, 2, $"{against.Count} contradicting {Plural(against.Count, "study", "studies")} that measured the claim's outcome, as many as or more than the {deciding.Count} supporting.", against)
                : Judge(CertaintyRule.Inconsistency, 1, "A contradicting study that measured the claim's outcome, of the same or a better design than the best supporting evidence.", against);
        }

        var others = body.Where(s => s.Relation == "contradicts").ToList();
        return Judge(CertaintyRule.Inconsistency, 0, others.Count == 0
            ? "No study in the body contradicts the claim."
            : "The contradicting studies are of a weaker design or did not measure the claim's outcome.", []);
    }

    public static bool OtherPopulation(GradingSource s, string about) => about == "humans" && s.PopulationKind != "humans";

    /// <summary>Serious when at least half the deciding sources are indirect; very serious when every one is indirect in both population and outcome.</summary>
    public static DomainJudgement Indirectness(List<GradingSource> deciding, string about)
    {
        var indirect = deciding.Where(s => s.Outcome == "indirect" || OtherPopulation(s, about)).ToList();
        var share = (double)indirect.Count / deciding.Count;
        var what = string.Join("; ", new[]
        {
            indirect.Any(s => OtherPopulation(s, about)) ? "animal or cell evidence for a claim about humans" : null,
            indirect.Any(s => s.Outcome == "indirect") ? "an outcome that stands in for the claim's outcome" : null,
        }.Where(x => x is not null));
        if (deciding.All(s => s.Outcome == "indirect" && OtherPopulation(s, about)))
        {
            return Judge(CertaintyRule.Indirectness, 2, $"Every deciding source is indirect twice over: {what}.", indirect);
        }

        return share >= CertaintyRule.IndirectShareThreshold
            ? Judge(CertaintyRule.Indirectness, 1, $"{indirect.Count} of {deciding.Count} deciding sources are indirect: {what}.", indirect)
            : Judge(CertaintyRule.Indirectness, 0, indirect.Count == 0
                ? "The deciding evidence is about the claim's population and outcome."
                : $"Only {indirect.Count} of {deciding.Count} deciding sources are indirect ({what}).", indirect);
    }

    /// <summary>The primary studies a source stands for: a systematic review its pooled studies, any other source one.</summary>
    public static int? Studies(GradingSource s) => GradingVocabulary.Design(s.Design)?.IsReview == true ? s.PooledStudies : 1;

    /// <summary>
    /// A recorded wide interval is serious, a recorded narrow one (every deciding review) is not; otherwise one primary
    /// study is serious, and so is a known total below the minimum (very serious below a tenth of it, every size known).
    /// An unknown size is shown as unknown and not counted; a body whose sizes are all unknown is serious.
    /// </summary>
    public static DomainJudgement Imprecision(List<GradingSource> deciding, string about)
    {
        var reviews = deciding.Where(s => GradingVocabulary.Design(s.Design)?.IsReview == true).ToList();
        if (deciding.FirstOrDefault(s => s.Interval == "wide") is { } wide)
        {
            return Judge(CertaintyRule.Imprecision, 1, $"{wide.Key} records its pooled interval as wide.", [wide]);
        }

        if (reviews.Count > 0 && reviews.All(s => s.Interval == "narrow"))
        {
            return Judge(CertaintyRule.Imprecision, 0, $"The pooled {Plural(reviews.Count, "interval is", "intervals are")} recorded as narrow ({string.Join(", ", reviews.Select(s => s.Key))}).", []);
        }

        var (minimum, unit) = about == "animals" ? (CertaintyRule.MinimumAnimals, "animals") : (CertaintyRule.MinimumParticipants, "participants");
        var total = deciding.Sum(s => s.SampleSize ?? 0);
        var unknown = deciding.Where(s => s.SampleSize is null).ToList();
        var unknownNote = unknown.Count == 0 ? "" : $" (number unknown for {string.Join(", ", unknown.Select(s => s.Key))}; not counted)";
        var studies = deciding.Select(Studies).ToList();
        var veryFew = unknown.Count == 0 && total < minimum * CertaintyRule.VerySmallShare;
        if (studies.All(n => n is not null) && studies.Sum() == 1)
        {
            return veryFew
                ? Judge(CertaintyRule.Imprecision, 2, $"A single primary study of {total} {unit} decides the grade, under a tenth of {minimum}.", deciding)
                : Judge(CertaintyRule.Imprecision, 1, $"A single primary study decides the grade ({Size(deciding[0], unit)}).", deciding);
        }

        if (unknown.Count == deciding.Count)
        {
            return Judge(CertaintyRule.Imprecision, 1, $"The number of {unit} is unknown for every deciding source ({string.Join(", ", unknown.Select(s => s.Key))}): the body cannot be called precise.", unknown);
        }

        return total >= minimum
            ? Judge(CertaintyRule.Imprecision, 0, $"At least {total} {unit} in the deciding evidence, at least {minimum}{unknownNote}.", [])
            : veryFew
                ? Judge(CertaintyRule.Imprecision, 2, $"{total} {unit} in the deciding evidence, under a tenth of {minimum}.", deciding)
                : Judge(CertaintyRule.Imprecision, 1, $"{total} {unit} known in the deciding evidence, below {minimum}{unknownNote}.", unknown.Count > 0 ? unknown : deciding);
    }

    public static DomainJudgement PublicationBias(string? recorded, int steps) => recorded is { Length: > 0 } reason
        ? Judge(CertaintyRule.PublicationBias, Math.Clamp(steps, 1, 2), reason, [])
        : Judge(CertaintyRule.PublicationBias, 0, "None recorded.", []);

    private static string Size(GradingSource s, string unit) => s.SampleSize is { } n ? $"{n} {unit}" : $"number of {unit} unknown";

    private static string Pct(double x) => (x * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;

    private static DomainJudgement Judge(string domain, int steps, string reason, IEnumerable<GradingSource> sources) =>
        new(domain, steps, steps switch
        {
            0 => "No serious concern",
            1 => "Serious concern: down one step",
            _ => "Very serious concern: down two steps",
        }, reason, sources.Select(s => s.Key).ToList());
}
