namespace MicrobiomePain.Web.Content;

/// <summary>A place in a content file, kept so later checks (cross references) can point back at it.</summary>
public readonly record struct SourcePosition(int Line, int Column);

public sealed record EvidenceLevel(
    string Slug,
    string Name,
    int Rank,
    string Symbol,
    string Description,
    string MoveUp,
    SourcePosition Position);

public sealed record Condition(string Slug, string Name, string Description, SourcePosition Position);

/// <summary>One bibliography entry. <see cref="Unverified"/> lists fields that must be shown as unverified.</summary>
public sealed record Source(
    string Key,
    string Authors,
    int? Year,
    string Title,
    string? Journal,
    string? Doi,
    string? Pmid,
    string? Pmcid,
    string? Url,
    string? StudyType,
    string? Population,
    string? SampleSize,
    string? Finding,
    string Verification,
    IReadOnlyList<string> Unverified,
    IReadOnlyList<string> PartlyVerified,
    string? Note,
    SourcePosition Position)
{
    /// <summary>Where each confirmed field (or the whole entry, under "entry") was seen: field name → page address.</summary>
    public IReadOnlyDictionary<string, string> SeenAt { get; init; } = new Dictionary<string, string>();

    /// <summary>The certainty inputs (sources.yml: design, population_kind, sample_size, risk_of_bias), one per part of the study; empty when not given.</summary>
    public IReadOnlyList<SourcePart> Parts { get; init; } = [];

    /// <summary>The one-line reason for the risk-of-bias judgement.</summary>
    public string? RiskOfBiasReason { get; init; }

    /// <summary>The industry tie and, for a systematic review, its pooled studies and interval.</summary>
    public SourceReview Review { get; init; } = SourceReview.None;
}

/// <summary>Rule inputs beyond the parts: a tie to the product's maker; a review's pooled studies and recorded interval.</summary>
public sealed record SourceReview(bool IndustryTie, int? PooledStudies, string? Interval)
{
    public static SourceReview None { get; } = new(false, null, null);
}

/// <summary>One part of a source for the certainty rule (most sources have one; a paper with mice and a human pilot has two).</summary>
public sealed record SourcePart(string Design, string PopulationKind, int? SampleSize, string RiskOfBias);

/// <summary>How a cited study bears on a claim.</summary>
public static class SourceRelations
{
    public const string Supports = "supports";
    public const string PartlySupports = "partly-supports";
    public const string Contradicts = "contradicts";
    public const string Context = "context";

    public static readonly IReadOnlyList<string> All = [Supports, PartlySupports, Contradicts, Context];
}

public sealed record ClaimSourceRef(string Key, string Relation, string? Note, SourcePosition Position)
{
    /// <summary>direct: the source measured the claim's outcome; indirect: a stand-in for it (with <see cref="OutcomeReason"/>).</summary>
    public string? Outcome { get; init; }

    public string? OutcomeReason { get; init; }

    /// <summary>Which of the source's designs this claim uses, when the source has several.</summary>
    public string? Design { get; init; }
}

/// <summary>A kind of claim (content/kinds.yml): what a sentence of the article does; the kind= filter's values.</summary>
public sealed record ClaimKind(string Slug, string Name, string Description, SourcePosition Position)
{
    /// <summary>The kind of a claim whose front matter names none.</summary>
    public const string Default = "finding";
}

/// <summary>A claim as read from <c>content/claims/&lt;slug&gt;.md</c>; HTML fields are already rendered (no raw HTML allowed).</summary>
public sealed record ClaimDocument(
    string File,
    string Id,
    string Slug,
    string Title,
    string Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Conditions,
    string Evidence,
    string LevelReasoning,
    string ArticleQuote,
    string? HypeGap,
    IReadOnlyList<ClaimSourceRef> Sources,
    DateOnly Reviewed,
    string SummaryHtml,
    string SummaryText,
    string EvidenceHtml,
    IReadOnlyList<string> CaveatsHtml,
    string? WhatWouldChangeHtml,
    IReadOnlyDictionary<string, SourcePosition> FieldPositions)
{
    /// <summary>The words of the evidence section as the page shows them, for the search index (<see cref="ContentSearchText.Of"/>).</summary>
    public required string EvidenceSearchText { get; init; }

    /// <summary>The words of each caveat as the page shows them, for the search index.</summary>
    public required IReadOnlyList<string> CaveatsSearchText { get; init; }

    /// <summary>The [[claim:…]] references in the body, checked against the other claims once all are read.</summary>
    public IReadOnlyList<ClaimReferenceInline> References { get; init; } = [];

    /// <summary>How the claim travelled from study to feature to summary (null when the file has no 'travel').</summary>
    public ClaimTravel? Travel { get; init; }

    /// <summary>The claim's review history, as written (oldest first or any order; shown newest first).</summary>
    public IReadOnlyList<ClaimHistoryEntry> History { get; init; } = [];

    /// <summary>The certainty inputs of the claim itself; a claim without <c>about</c> is not graded.</summary>
    public ClaimGradingFields Grading { get; init; } = ClaimGradingFields.None;
}

/// <summary>
/// Front-matter inputs of the certainty rule: what the claim is about (humans or animals), the statement the evidence
/// allows, an optional override of the article's strength (with its reason) and publication bias when recorded.
/// </summary>
public sealed record ClaimGradingFields(
    string? About,
    string? SupportedStatement,
    string? ArticleStrength,
    string? ArticleStrengthReason,
    string? PublicationBias)
{
    public static ClaimGradingFields None { get; } = new(null, null, null, null, null);

    /// <summary>Publication bias steps when recorded: 1 (serious, the default) or 2 (very serious).</summary>
    public int PublicationBiasSteps { get; init; } = 1;

    /// <summary>For a claim about the research or about recommendations: its accuracy verdict (no certainty is computed).</summary>
    public ClaimVerdict? Verdict { get; init; }

    /// <summary>Grades that expert panels gave the claim's question, each with where it was seen.</summary>
    public IReadOnlyList<PanelGrade> PanelGrades { get; init; } = [];
}

/// <summary>
/// The accuracy of a claim about the research or about recommendations, judged against the records: the rating
/// (accurate, partly-accurate, inaccurate, cannot-be-checked), the sources that decide it and a one-line reason.
/// </summary>
public sealed record ClaimVerdict(string Rating, IReadOnlyList<(string Key, SourcePosition Position)> Sources, string Reason, SourcePosition Position);

/// <summary>
/// A panel's own grade of the claim's question: the panel (a source key), the question as the panel put it, the grade
/// (a certainty slug), where it was seen and whether it was verified there.
/// </summary>
public sealed record PanelGrade(string Panel, string Question, string Grade, string SeenAt, string Verified, SourcePosition Position);

/// <summary>Where an overstatement entered on the way from study to summary.</summary>
public static class OverstatementEntry
{
    public const string Abstract = "abstract";
    public const string Feature = "feature";
    public const string Summary = "summary";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Abstract, Feature, Summary, None];
}

/// <summary>
/// The three steps of a claim's journey: what the primary study's abstract found, what the Nature feature said (a
/// quotation of at most one sentence, or null), and where the overstatement entered.
/// </summary>
public sealed record ClaimTravel(
    string Study,
    string StudySource,
    string? Feature,
    string? FeatureNote,
    string Entered,
    SourcePosition Position,
    SourcePosition StudySourcePosition);

/// <summary>One change to a claim's review: when, what changed and why.</summary>
public sealed record ClaimHistoryEntry(DateOnly Date, string Change, string Why, SourcePosition Position);

/// <summary>Everything read from one content directory, checked and ready to be written to a store.</summary>
public sealed record ContentSet(
    IReadOnlyList<EvidenceLevel> Levels,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<ClaimDocument> Claims,
    string Hash)
{
    /// <summary>The kinds of claim (content/kinds.yml), in the order the site lists them.</summary>
    public IReadOnlyList<ClaimKind> Kinds { get; init; } = [];

    /// <summary>Prose pages from content/pages/*.md (about, …).</summary>
    public IReadOnlyList<PageDocument> Pages { get; init; } = [];

    /// <summary>The search vocabulary (content/vocabulary.yml): sets of terms a search treats as the same.</summary>
    public IReadOnlyList<SynonymSet> Vocabulary { get; init; } = [];

    /// <summary>Each graded claim's grading by id, computed once by the check; null when the set was not checked.</summary>
    public IReadOnlyDictionary<string, Grading.ClaimGrading>? Gradings { get; init; }

    /// <summary>The article's sentences, each a claim or marked (article.md's front matter); null without article.md.</summary>
    public ArticleRecord? Article { get; init; }
}

/// <summary>A prose page: its slug (file name), its title and its body as HTML.</summary>
public sealed record PageDocument(string Slug, string Title, string Html)
{
    /// <summary>The page's address from its front matter; null for the article, which has a page of its own.</summary>
    public string? Path { get; init; }

    /// <summary>One sentence for search results and the meta description; null for the article.</summary>
    public string? Description { get; init; }

    /// <summary>The page's link text in the site's navigation (front matter 'nav'); null when it is not in it.</summary>
    public string? Nav { get; init; }
}

public sealed record ContentReadResult(ContentSet? Content, IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    public bool Succeeded => Content is not null && !Diagnostics.Any(d => d.IsError);
}
