using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Store;

// What pages, the API and exports show of a claim's certainty. Built once at store build time from the rule's result
// (see Grading/), stored with the claim, and read back as is: the page, the API and the CSV cannot disagree.

/// <summary>A certainty as shown: slug (the certainty= filter value), name, GRADE symbol, rank (-1 when not graded).</summary>
public sealed record CertaintyBadge(string Slug, string Name, string Symbol, int Rank)
{
    public const string NotGradedSlug = "not-graded";

    public static CertaintyBadge NotGraded { get; } = new(NotGradedSlug, "Not graded", "–", -1);

    /// <summary>Every certainty a filter can ask for, strongest first, then "not graded".</summary>
    public static IReadOnlyList<CertaintyBadge> All { get; } =
        [.. Enum.GetValues<Certainty>().OrderDescending().Select(For), NotGraded];

    public static CertaintyBadge For(Certainty c) => new(GradingVocabulary.Slug(c), GradingVocabulary.Name(c), GradingVocabulary.Symbol(c), (int)c);

    public static CertaintyBadge ForRank(int rank) => rank < 0 ? NotGraded : For((Certainty)rank);
}

/// <summary>The short form carried by list items, the API list and the CSV: certainty, each domain's step, the overstatement.</summary>
public sealed record CertaintySummary(
    CertaintyBadge Certainty,
    string? ArticleStrength,
    int? Overstatement,
    IReadOnlyDictionary<string, int> DomainSteps)
{
    public static CertaintySummary NotGraded { get; } = new(CertaintyBadge.NotGraded, null, null, new Dictionary<string, int>());

    /// <summary>Domain steps in <see cref="CertaintyRule.DomainNames"/> order as stored ("1,0,1,1,0").</summary>
    public static CertaintySummary From(int rank, int? strength, int? overstatement, string? steps) =>
        rank < 0 || steps is null
            ? NotGraded
            : new(
                CertaintyBadge.ForRank(rank),
                strength is { } s ? StatementStrength.Slug((ArticleStrength)s) : null,
                overstatement,
                CertaintyRule.DomainNames.Zip(steps.Split(',').Select(int.Parse)).ToDictionary(p => p.First, p => p.Second));
}

/// <summary>One source as graded for a claim, with every input and its verification mark.</summary>
public sealed record GradedSourceView(
    string Key,
    string Title,
    string Relation,
    string Design,
    string PopulationKind,
    string SampleSize,
    string? SampleSizeMark,
    string RiskOfBias,
    string? RiskOfBiasReason,
    string Outcome,
    string? OutcomeReason,
    bool Deciding);

public sealed record DomainView(string Domain, int Steps, string Judgement, string Reason, IReadOnlyList<string> SourceKeys);

/// <summary>
/// The article's sentence as read by the strength rule: its hedging (slug, name, rank), its relation on the Sumner scale,
/// the deciding words (positions in the quote) and why; with an author's override, the words' own hedging beside it.
/// </summary>
public sealed record ArticleStrengthView(
    string Slug, string Name, int Rank, string Explanation, string? OverrideReason, IReadOnlyList<StrengthCue> Cues,
    int Relation = 0, string RelationName = "", string? WordsName = null);

/// <summary>Everything the claim page shows under "how this was graded".</summary>
public sealed record ClaimCertainty(
    CertaintyBadge Certainty,
    string About,
    string StartName,
    string StartReason,
    IReadOnlyList<DomainView> Domains,
    bool Floored,
    IReadOnlyList<GradedSourceView> Sources,
    string SupportedStatement,
    ArticleStrengthView ArticleStrength,
    int Overstatement,
    int Gap,
    IReadOnlyList<string> ExaggerationTypes,
    string OverstatementWords)
{
    /// <summary>The panels' own grades of the claim's question, beside ours.</summary>
    public IReadOnlyList<PanelGradeView> PanelGrades { get; init; } = [];

    /// <summary>What would change the grade, computed from the rule.</summary>
    public GradeChanges ComputedChanges { get; init; } = new([], []);
}
