namespace MicrobiomePain.Web.Store;

// The store's tables. Rows are written once per content version and then only read,
// so they are plain classes shaped for the queries, with a few denormalised columns
// (LevelRank, FirstCaveatHtml) that keep list pages to a single query.

public sealed class ClaimRow
{
    public int Number { get; set; }
    public required string Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Kind { get; set; }
    public required string LevelSlug { get; set; }
    public int LevelRank { get; set; }
    public required string LevelReasoning { get; set; }
    public required string ArticleQuote { get; set; }
    public string? HypeGap { get; set; }
    public DateOnly Reviewed { get; set; }
    public required string SummaryHtml { get; set; }
    public required string SummaryText { get; set; }
    public required string EvidenceHtml { get; set; }
    public string? WhatWouldChangeHtml { get; set; }
    public required string FirstCaveatHtml { get; set; }

    // The travel chain (null when the claim has none): the study's finding, its source key, the feature's words
    // (or why there are none) and where the overstatement entered.
    public string? TravelStudy { get; set; }
    public string? TravelStudySource { get; set; }
    public string? TravelFeature { get; set; }
    public string? TravelFeatureNote { get; set; }
    public string? TravelEntered { get; set; }
    /// <summary>The computed certainty (0 no direct evidence … 4 high), or -1 when the claim is not graded.</summary>
    public int CertaintyRank { get; set; } = -1;

    /// <summary>How sure the article's sentence sounds (1 states uncertainty … 4 established); null when not graded.</summary>
    public int? ArticleStrength { get; set; }

    /// <summary>Article strength minus certainty in steps (never below 0); null when not graded.</summary>
    public int? Overstatement { get; set; }

    /// <summary>Each domain's step, comma-separated in CertaintyRule.DomainNames order; null when not graded.</summary>
    public string? DomainSteps { get; set; }

    /// <summary>The whole grading as shown on the claim page (a serialised ClaimCertainty); null when not graded.</summary>
    public string? CertaintyJson { get; set; }

    /// <summary>For a claim about the research: its verdict slug (accurate … cannot-be-checked); null for an effect claim.</summary>
    public string? Verdict { get; set; }

    /// <summary>The verdict as shown on the claim page (a serialised ClaimVerdictView); null for an effect claim.</summary>
    public string? VerdictJson { get; set; }
    public EvidenceLevelRow? Level { get; set; }
    public List<CaveatRow> Caveats { get; set; } = [];
    public List<ClaimConditionRow> Conditions { get; set; } = [];
    public List<ClaimSourceRow> Sources { get; set; } = [];
    public List<ClaimAliasRow> Aliases { get; set; } = [];
    public List<ClaimHistoryRow> History { get; set; } = [];
}

/// <summary>One change to a claim's review (content: the claim's 'history' list).</summary>
public sealed class ClaimHistoryRow
{
    public int ClaimNumber { get; set; }
    public int Position { get; set; }
    public DateOnly Date { get; set; }
    public required string Change { get; set; }
    public required string Why { get; set; }
    public ClaimRow? Claim { get; set; }
}

public sealed class EvidenceLevelRow
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Rank { get; set; }
    public required string Symbol { get; set; }
    public required string Description { get; set; }
    public required string MoveUp { get; set; }
}

public sealed class ConditionRow
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public int Position { get; set; }
}

public sealed class SourceRow
{
    public required string Key { get; set; }
    public required string Authors { get; set; }
    public int? Year { get; set; }
    public required string Title { get; set; }
    public string? Journal { get; set; }
    public string? Doi { get; set; }
    public string? Pmid { get; set; }
    public string? Pmcid { get; set; }
    public string? Url { get; set; }
    public string? StudyType { get; set; }
    public string? Population { get; set; }
    public string? SampleSize { get; set; }
    public string? Finding { get; set; }
    public required string Verification { get; set; }

    /// <summary>Comma-separated field names that must be shown as unverified (e.g. "doi,pmid").</summary>
    public required string UnverifiedFields { get; set; }

    /// <summary>Comma-separated field names seen only on secondary pages (shown with a "partly verified" label).</summary>
    public required string PartlyVerifiedFields { get; set; }

    /// <summary>Where confirmed fields were seen: one "field url" pair a line ("entry" for the whole entry).</summary>
    public required string SeenAt { get; set; }

    /// <summary>The certainty inputs, one design a line: "design population sample-size risk-of-bias" (sample size "unknown" when not known).</summary>
    public string CertaintyInputs { get; set; } = "";

    public string? RiskOfBiasReason { get; set; }
    public string? Note { get; set; }
}

public sealed class CaveatRow
{
    public int ClaimNumber { get; set; }
    public int Position { get; set; }
    public required string Html { get; set; }
}

public sealed class ClaimConditionRow
{
    public int ClaimNumber { get; set; }
    public required string ConditionSlug { get; set; }
    public ConditionRow? Condition { get; set; }
}

public sealed class ClaimSourceRow
{
    public int ClaimNumber { get; set; }
    public required string SourceKey { get; set; }
    public required string Relation { get; set; }
    public string? Note { get; set; }
    public int Position { get; set; }
    public SourceRow? Source { get; set; }
    public ClaimRow? Claim { get; set; }
}

public sealed class ClaimAliasRow
{
    public required string Slug { get; set; }
    public int ClaimNumber { get; set; }
}

/// <summary>A prose page (content/pages/&lt;slug&gt;.md), rendered at build time.</summary>
public sealed class PageRow
{
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Html { get; set; }

    /// <summary>The page's address (front matter 'path'); null for the article, which has a page of its own.</summary>
    public string? Path { get; set; }

    public string? Description { get; set; }

    /// <summary>The page's link text in the site's navigation (front matter 'nav'); null when it is not in it.</summary>
    public string? Nav { get; set; }
}

/// <summary>
/// One sentence of the article (content: article.md's front matter), in the article's order. A section's heading is the
/// row with <see cref="Number"/> 0. <see cref="Mark"/> is "claim" (quoted by <see cref="ClaimIds"/>), "part" (continues
/// the claim in <see cref="ClaimIds"/>) or why it is not checkable (SentenceMarks), with <see cref="Reason"/>.
/// </summary>
public sealed class ArticleSentenceRow
{
    public const string Claim = "claim";
    public const string Part = "part";

    public int Position { get; set; }
    public int Section { get; set; }
    public int Number { get; set; }

    /// <summary>The sentence's first words, or a heading's whole text.</summary>
    public required string Opens { get; set; }
    public required string Mark { get; set; }
    public string? Reason { get; set; }

    /// <summary>Comma-separated claim ids: the claims quoted here, the claim continued, or the claims restated.</summary>
    public required string ClaimIds { get; set; }
}

/// <summary>Key/value facts about the store itself: content hash, format version, build time.</summary>
/// <summary>
/// One term of a filter vocabulary that has no table of its own (today the kinds of claim, content/kinds.yml): the
/// filter's query word, the term's slug and name, and its place in the content's order.
/// </summary>
public sealed class FacetTermRow
{
    public required string Facet { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
}

public sealed class StoreInfoRow
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
