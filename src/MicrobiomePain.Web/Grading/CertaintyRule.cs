namespace MicrobiomePain.Web.Grading;

/// <summary>
/// One cited source as the rule sees it: the claim's relation to it and the curated inputs. IndustryTie: an author or
/// funder tied to the product's maker (an unclear risk of bias, for every source alike). PooledStudies: for a
/// systematic review, how many primary studies it pooled. Interval: for a review that records it, "wide" or "narrow".
/// </summary>
public sealed record GradingSource(
    string Key,
    string Relation,
    string Design,
    string PopulationKind,
    int? SampleSize,
    string RiskOfBias,
    string Outcome,
    string? OutcomeReason = null,
    bool IndustryTie = false,
    int? PooledStudies = null,
    string? Interval = null);

/// <summary>Everything the rule reads for one claim; publication bias, when recorded, takes one step or (very serious) two.</summary>
public sealed record GradingInput(string About, IReadOnlyList<GradingSource> Sources, string? PublicationBias = null, int PublicationBiasSteps = 1);

/// <summary>One GRADE domain: how many steps it rated down (0, 1 or 2), in words, and the inputs that decided it.</summary>
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
/// <item>The body of evidence is the sources related supports, partly-supports or contradicts whose design is a study
/// (guidelines, narrative reviews and journalism are read, not graded). No supporting study: "no direct evidence".</item>
/// <item>Start from the best supporting design: trials and reviews of them high; non-randomised trials and
/// observational studies low; for a claim about humans, animal and cell studies very low; for a claim about animals,
/// animal experiments high (Hooijmans et al. 2018). The supporting sources of that starting level are the deciding evidence.</item>
/// <item>Rate down one step for each serious concern and two for a very serious one, in five domains (see
/// <see cref="CertaintyDomains"/>); never below very low.</item>
/// </list>
/// </summary>
public static class CertaintyRule
{
    /// <summary>
    /// The rule's version, part of the store's identity (ContentHash), so a changed rule builds a new store. A test
    /// pins a fingerprint of the rule's table of cases: change the rule, and that test tells you to bump this.
    /// </summary>
    public const string Version = "2026-12-07";

    /// <summary>Risk of bias is serious when sources at high or unclear risk carry at least this share of the deciding evidence's weight.</summary>
    public const double ConcernShareThreshold = 0.5;

    /// <summary>Indirectness is serious when at least this share of the deciding sources are indirect.</summary>
    public const double IndirectShareThreshold = 0.5;

    /// <summary>Imprecision is serious below this many participants (known sample sizes summed) for a claim about humans.</summary>
    public const int MinimumParticipants = 400;

    /// <summary>Imprecision is serious below this many animals (known sample sizes summed) for a claim about animals.</summary>
    public const int MinimumAnimals = 100;

    /// <summary>Imprecision is very serious when every size is known and they add up to less than this share of the minimum.</summary>
    public const double VerySmallShare = 0.1;

    public const string RiskOfBias = "Risk of bias";
    public const string Inconsistency = "Inconsistency";
    public const string Indirectness = "Indirectness";
    public const string Imprecision = "Imprecision";
    public const string PublicationBias = "Publication bias";

    public static readonly IReadOnlyList<string> DomainNames = [RiskOfBias, Inconsistency, Indirectness, Imprecision, PublicationBias];

    /// <summary>Whether a source is a study the rule grades (not a guideline, narrative review or news).</summary>
    public static bool IsStudy(string design) => GradingVocabulary.Design(design) is { Kind: not DesignKind.NotEmpirical and not DesignKind.Guideline };

    public static CertaintyGrade Grade(GradingInput input)
    {
        var body = input.Sources
            .Where(s => s.Relation is "supports" or "partly-supports" or "contradicts")
            .Where(s => IsStudy(s.Design))
            .ToList();
        var supporting = body.Where(s => s.Relation != "contradicts").ToList();
        if (supporting.Count == 0)
        {
            var why = "No study supports the claim (sources that only give context, guidelines, narrative reviews and journalism are not graded).";
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
            CertaintyDomains.RiskOfBias(deciding),
            CertaintyDomains.Inconsistency(body, deciding, start, input.About),
            CertaintyDomains.Indirectness(deciding, input.About),
            CertaintyDomains.Imprecision(deciding, input.About),
            CertaintyDomains.PublicationBias(input.PublicationBias, input.PublicationBiasSteps),
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
}
