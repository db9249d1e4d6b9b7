namespace MicrobiomePain.Web.Grading;

/// <summary>One cited source as the rule sees it: the claim's relation to it and the curated inputs.</summary>
public sealed record GradingSource(
    string Key,
    string Relation,
    string Design,
    string PopulationKind,
    int? SampleSize,
    string RiskOfBias,
    string Outcome,
    string? OutcomeReason = null);

/// <summary>Everything the rule reads for one claim.</summary>
public sealed record GradingInput(string About, IReadOnlyList<GradingSource> Sources, string? PublicationBias = null);

/// <summary>One GRADE domain: how many steps it rated down (0 or 1), in words, and the inputs that decided it.</summary>
public sealed record DomainJudgement(string Domain, int Steps, string Judgement, string Reason, IReadOnlyList<string> SourceKeys);

/// <summary>The rule's result: the certainty, where it started and why, and each domain's step.</summary>
public sealed record CertaintyGrade(
    Certainty Certainty,
    Certainty Start,
    string StartReason,
    IReadOnlyList<string> StartKeys,
    IReadOnlyList<DomainJudgement> Domains,
    bool Floored)
{
    public int StepsDown => Domains.Sum(d => d.Steps);
}

/// <summary>
/// The certainty rule, a GRADE-style grading from curated inputs (stated in plain words on /evidence/method, from
/// content/pages/method.md; keep the two in step). Pure: the same inputs always give the same grade.
/// <list type="number">
/// <item>The body of evidence is the sources related supports, partly-supports or contradicts whose design is empirical
/// (narrative reviews and journalism are read, not graded). No supporting empirical source: "no direct evidence".</item>
/// <item>Start from the best supporting design: trials (and GRADE guidelines, which synthesise them) high; non-randomised
/// trials and observational studies low; for a claim about humans, animal and cell studies very low; for a claim about
/// animals, animal experiments high (direct evidence, as in Hooijmans et al. 2018). The supporting sources of that
/// starting level are the deciding evidence.</item>
/// <item>Rate down one step for each serious concern: risk of bias, inconsistency, indirectness, imprecision,
/// publication bias (see each method); never below very low.</item>
/// </list>
/// </summary>
public static class CertaintyRule
{
    /// <summary>Risk of bias is serious when sources judged "high" carry at least this share of the deciding evidence's weight.</summary>
    public const double HighRiskShareThreshold = 0.5;

    /// <summary>Indirectness is serious when at least this share of the deciding sources are indirect.</summary>
    public const double IndirectShareThreshold = 0.5;

    /// <summary>Imprecision is serious below this many participants (known sample sizes summed) for a claim about humans.</summary>
    public const int MinimumParticipants = 400;

    /// <summary>Imprecision is serious below this many animals (known sample sizes summed) for a claim about animals.</summary>
    public const int MinimumAnimals = 100;

    public const string RiskOfBias = "Risk of bias";
    public const string Inconsistency = "Inconsistency";
    public const string Indirectness = "Indirectness";
    public const string Imprecision = "Imprecision";
    public const string PublicationBias = "Publication bias";

    public static readonly IReadOnlyList<string> DomainNames = [RiskOfBias, Inconsistency, Indirectness, Imprecision, PublicationBias];

    public static CertaintyGrade Grade(GradingInput input)
    {
        var body = input.Sources
            .Where(s => s.Relation is "supports" or "partly-supports" or "contradicts")
            .Where(s => GradingVocabulary.Design(s.Design) is { Kind: not DesignKind.NotEmpirical })
            .ToList();
        var supporting = body.Where(s => s.Relation != "contradicts").ToList();
        if (supporting.Count == 0)
        {
            var why = "No empirical source supports the claim (sources that only give context, narrative reviews and journalism are not graded).";
            return new CertaintyGrade(
                Certainty.NoDirectEvidence, Certainty.NoDirectEvidence, why, [],
                DomainNames.Select(d => new DomainJudgement(d, 0, "Not applicable", "There is no body of evidence to judge.", [])).ToList(),
                Floored: false);
        }

        var start = supporting.Max(s => StartOf(s, input.About));
        var deciding = supporting.Where(s => StartOf(s, input.About) == start).ToList();
        var designs = string.Join(", ", deciding.Select(s => GradingVocabulary.Design(s.Design)!.Name.ToLowerInvariant()).Distinct());
        var startReason = $"The best supporting evidence ({designs}) starts at {GradingVocabulary.Name(start).ToLowerInvariant()} for a claim about {input.About}.";

        List<DomainJudgement> domains =
        [
            JudgeRiskOfBias(deciding),
            JudgeInconsistency(body, start, input.About),
            JudgeIndirectness(deciding, input.About),
            JudgeImprecision(deciding, input.About),
            JudgePublicationBias(input.PublicationBias),
        ];
        var raw = (int)start - domains.Sum(d => d.Steps);
        return new CertaintyGrade(
            (Certainty)Math.Max(raw, (int)Certainty.VeryLow), start, startReason, deciding.Select(s => s.Key).ToList(), domains,
            Floored: raw < (int)Certainty.VeryLow);
    }

    /// <summary>Where a design starts, for a claim about humans or animals.</summary>
    public static Certainty StartOf(GradingSource source, string about) => GradingVocabulary.Design(source.Design)?.Kind switch
    {
        DesignKind.Trial => Certainty.High,
        DesignKind.NonRandomisedTrial or DesignKind.Observational => Certainty.Low,
        DesignKind.Animal => about == "animals" ? Certainty.High : Certainty.VeryLow,
        DesignKind.Cells => Certainty.VeryLow,
        _ => Certainty.NoDirectEvidence,
    };

    private static DomainJudgement JudgeRiskOfBias(List<GradingSource> deciding)
    {
        // Weight by sample size when every deciding source has one; otherwise each source counts once.
        var weighted = deciding.All(s => s.SampleSize is > 0);
        double Weight(GradingSource s) => weighted ? s.SampleSize!.Value : 1;
        var high = deciding.Where(s => s.RiskOfBias == "high").ToList();
        var share = high.Sum(Weight) / deciding.Sum(Weight);
        static string Pct(double x) => (x * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        var by = weighted ? "of the participants" : "of the sources";
        return share >= HighRiskShareThreshold
            ? Serious(RiskOfBias, $"Sources at high risk of bias hold {Pct(share)} {by} in the deciding evidence (threshold {Pct(HighRiskShareThreshold)}).", high)
            : NotSerious(RiskOfBias, high.Count == 0
                ? "No deciding source is judged at high risk of bias."
                : $"Sources at high risk of bias hold {Pct(share)} {by} in the deciding evidence, below {Pct(HighRiskShareThreshold)}.", high);
    }

    private static DomainJudgement JudgeInconsistency(List<GradingSource> body, Certainty start, string about)
    {
        var against = body.Where(s => s.Relation == "contradicts" && StartOf(s, about) >= start).ToList();
        return against.Count > 0
            ? Serious(Inconsistency, "A contradicting source of the same or a higher design than the best supporting evidence.", against)
            : NotSerious(Inconsistency, body.Any(s => s.Relation == "contradicts")
                ? "The contradicting sources are of a weaker design than the best supporting evidence."
                : "No source in the body contradicts the claim.", []);
    }

    private static DomainJudgement JudgeIndirectness(List<GradingSource> deciding, string about)
    {
        var indirect = deciding.Where(s => s.Outcome == "indirect" || (about == "humans" && s.PopulationKind != "humans")).ToList();
        var share = (double)indirect.Count / deciding.Count;
        var what = string.Join("; ", new[]
        {
            indirect.Any(s => about == "humans" && s.PopulationKind != "humans") ? "animal or cell evidence for a claim about humans" : null,
            indirect.Any(s => s.Outcome == "indirect") ? "an outcome that stands in for the claim's outcome" : null,
        }.Where(x => x is not null));
        return share >= IndirectShareThreshold
            ? Serious(Indirectness, $"{indirect.Count} of {deciding.Count} deciding sources are indirect: {what}.", indirect)
            : NotSerious(Indirectness, indirect.Count == 0
                ? "The deciding evidence is about the claim's population and outcome."
                : $"Only {indirect.Count} of {deciding.Count} deciding sources are indirect ({what}).", indirect);
    }

    private static DomainJudgement JudgeImprecision(List<GradingSource> deciding, string about)
    {
        if (deciding.Count == 1)
        {
            return Serious(Imprecision, "A single study decides the grade.", deciding);
        }

        var (minimum, unit) = about == "animals" ? (MinimumAnimals, "animals") : (MinimumParticipants, "participants");
        var total = deciding.Sum(s => s.SampleSize ?? 0);
        var unknown = deciding.Where(s => s.SampleSize is null).ToList();
        var unknownNote = unknown.Count == 0 ? "" : $" (sample size unknown for {string.Join(", ", unknown.Select(s => s.Key))}; counted as none)";
        return total < minimum
            ? Serious(Imprecision, $"{total} {unit} in the deciding evidence, below {minimum}{unknownNote}.", unknown.Count > 0 ? unknown : deciding)
            : NotSerious(Imprecision, $"{total} {unit} in {deciding.Count} studies, at least {minimum}{unknownNote}.", []);
    }

    private static DomainJudgement JudgePublicationBias(string? recorded) => recorded is { Length: > 0 } reason
        ? Serious(PublicationBias, reason, [])
        : NotSerious(PublicationBias, "None recorded.", []);

    private static DomainJudgement Serious(string domain, string reason, IEnumerable<GradingSource> sources) =>
        new(domain, 1, "Serious concern: down one step", reason, sources.Select(s => s.Key).ToList());

    private static DomainJudgement NotSerious(string domain, string reason, IEnumerable<GradingSource> sources) =>
        new(domain, 0, "No serious concern", reason, sources.Select(s => s.Key).ToList());
}
