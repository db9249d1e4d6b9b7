using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

// Records the pages, the JSON API and the exports read. They are projections of the store,
// so a page never touches an entity or lazy-loads anything.

public sealed record LevelBadge(string Slug, string Name, string Symbol, int Rank);

public sealed record ConditionRef(string Slug, string Name);

public sealed record ClaimSummary(
    string Id,
    string Slug,
    string Title,
    string Kind,
    LevelBadge Level,
    IReadOnlyList<ConditionRef> Conditions,
    string FirstCaveatHtml,
    DateOnly Reviewed)
{
    /// <summary>The computed certainty, each domain's step and the overstatement (see /evidence/method).</summary>
    public CertaintySummary Certainty { get; init; } = CertaintySummary.NotGraded;

    /// <summary>For a claim about the research: its accuracy verdict (then it has no certainty); otherwise null.</summary>
    public VerdictBadge? Verdict { get; init; }
}

public sealed record FacetCount(string Slug, string Name, int Count);

/// <summary>One filter dimension's choices as a list shows them, each with the claims the list would show if it were chosen.</summary>
public sealed record FacetCounts(FilterDimension Dimension, IReadOnlyList<FacetTerm> Terms, IReadOnlyList<FacetCount> Counts);

public sealed record ClaimListPage(
    ClaimFilter Filter,
    IReadOnlyList<ClaimSummary> Items,
    int Total,
    int PageCount,
    IReadOnlyList<FacetCounts> Facets,
    IReadOnlyList<FacetCount> MinLevelCounts)
{
    /// <summary>A page number beyond the last page: the list page answers 404, the API a 404 problem.</summary>
    public bool IsPastTheEnd => Filter.Page > PageCount;

    /// <summary>Claims the list would show with each choice of a dimension made (the other filters kept).</summary>
    public IReadOnlyList<FacetCount> CountsOf(FilterDimension dimension) => Facets.First(f => f.Dimension == dimension).Counts;

    public IReadOnlyList<FacetCount> ConditionCounts => CountsOf(FilterDimensions.Condition);

    public IReadOnlyList<FacetCount> LevelCounts => CountsOf(FilterDimensions.Evidence);

    public IReadOnlyList<FacetCount> CertaintyCounts => CountsOf(FilterDimensions.Certainty);

    public IReadOnlyList<FacetCount> VerdictCounts => CountsOf(FilterDimensions.Verdict);

    /// <summary>For a search: each listed claim's title and snippet with the matching words marked, keyed by claim id.</summary>
    public IReadOnlyDictionary<string, SearchHighlight> Highlights { get; init; } = new Dictionary<string, SearchHighlight>();

    /// <summary>For a search: how it was read (null when not searching).</summary>
    public SearchSummary? Search { get; init; }
}

/// <summary>
/// How a search was read: the words looked for (stop words dropped), whether no claim had all of them so claims with any
/// of them are listed (<see cref="Fallback"/>), the synonyms added from the content's vocabulary, and, when nothing matched
/// at all, searches with near words ("did you mean").
/// </summary>
public sealed record SearchSummary(IReadOnlyList<string> Words, bool Fallback, IReadOnlyList<SearchExpansion> AlsoSearched, IReadOnlyList<string> Suggestions)
{
    /// <summary>Every synonym set of the vocabulary, for the page to list (not sent by the API with every search).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<IReadOnlyList<string>> Vocabulary { get; init; } = [];
}

/// <summary>Words of a search and the vocabulary's terms searched for with them.</summary>
public sealed record SearchExpansion(string Words, IReadOnlyList<string> Terms);

public sealed record SourceCitation(
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
    string UnverifiedFields,
    string PartlyVerifiedFields,
    string Relation,
    string? Note)
{
    /// <summary>The one projection of a stored source into what pages show: how a claim cites it (relation, note),
    /// or, for the bibliography, no relation.</summary>
    public static SourceCitation From(Store.SourceRow s, string relation, string? note) => new(
        s.Key, s.Authors, s.Year, s.Title, s.Journal, s.Doi, s.Pmid, s.Pmcid, s.Url, s.StudyType, s.Population,
        s.SampleSize, s.Finding, s.Verification, s.UnverifiedFields, s.PartlyVerifiedFields, relation, note)
    {
        SeenAt = s.SeenAt,
        CertaintyInputs = s.CertaintyInputs,
        RiskOfBiasReason = s.RiskOfBiasReason,
    };

    /// <summary>True when the content marks this field (doi, pmid, …) as unverified: show the label, never a bare live link.</summary>
    public bool IsUnverified(string field) =>
        Verification == "unverified" || UnverifiedFields.Split(',').Contains(field, StringComparer.Ordinal);

    /// <summary>True when the field was seen only on a secondary page: it may be linked, with a label.</summary>
    public bool IsPartlyVerified(string field) =>
        !IsUnverified(field) && PartlyVerifiedFields.Split(',').Contains(field, StringComparer.Ordinal);

    /// <summary>The label to show after a field, or null when the field is verified.</summary>
    public string? MarkOf(string field) =>
        IsUnverified(field) ? "unverified" : IsPartlyVerified(field) ? "partly verified" : null;

    /// <summary>Where confirmed fields were seen, as stored: one "field url" pair a line.</summary>
    public string SeenAt { get; init; } = "";

    /// <summary>The pages where fields were seen ("entry" first), parsed from <see cref="SeenAt"/>.</summary>
    public IReadOnlyList<SeenAtPage> SeenAtPages => SeenAt.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', 2))
        .Where(parts => parts.Length == 2)
        .Select(parts => new SeenAtPage(parts[0], parts[1]))
        .OrderBy(p => p.Field == "entry" ? 0 : 1)
        .ToList();

    /// <summary>The certainty inputs as stored (one design a line); empty for a source the rule does not grade.</summary>
    public string CertaintyInputs { get; init; } = "";

    public string? RiskOfBiasReason { get; init; }

    /// <summary>Each design's inputs, with the design's name from the vocabulary, parsed from <see cref="CertaintyInputs"/>.</summary>
    public IReadOnlyList<SourceInputs> InputParts => CertaintyInputs.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' '))
        .Where(parts => parts.Length == 4)
        .Select(parts => new SourceInputs(Grading.GradingVocabulary.Design(parts[0])?.Name ?? parts[0], parts[1], parts[2], parts[3].Replace('-', ' ')))
        .ToList();
}

/// <summary>One design's certainty inputs of a source, as the /sources page shows them.</summary>
public sealed record SourceInputs(string Design, string PopulationKind, string SampleSize, string RiskOfBias);

/// <summary>One record of where a source field (or the whole entry) was seen.</summary>
public sealed record SeenAtPage(string Field, string Url);

/// <summary>A claim's travel chain as shown: the three steps and where the overstatement entered.</summary>
public sealed record ClaimTravelView(string Study, string StudySource, string? Feature, string? FeatureNote, string Entered)
{
    /// <summary>Plain words for <see cref="Entered"/>.</summary>
    public string EnteredLabel => Entered switch
    {
        "abstract" => "in the study's own abstract",
        "feature" => "in the Nature feature",
        "summary" => "in the summary article",
        _ => "nowhere: no overstatement was found",
    };
}

/// <summary>One change to a claim's review.</summary>
public sealed record ClaimChange(DateOnly Date, string Change, string Why);

/// <summary>One change with the claim it belongs to (for /changes and its feed).</summary>
public sealed record SiteChange(string ClaimId, string ClaimSlug, string ClaimTitle, int Position, DateOnly Date, string Change, string Why);

public sealed record ClaimDetail(
    string Id,
    string Slug,
    string Title,
    string Kind,
    LevelBadge Level,
    string LevelDescription,
    string LevelReasoning,
    string ArticleQuote,
    string? HypeGap,
    DateOnly Reviewed,
    string SummaryHtml,
    string SummaryText,
    string EvidenceHtml,
    string? WhatWouldChangeHtml,
    IReadOnlyList<string> Caveats,
    IReadOnlyList<ConditionRef> Conditions,
    IReadOnlyList<SourceCitation> Sources)
{
    /// <summary>How the claim travelled from study to summary (null when not written).</summary>
    public ClaimTravelView? Travel { get; init; }

    /// <summary>Every change to the claim's review, newest first.</summary>
    public IReadOnlyList<ClaimChange> History { get; init; } = [];
    /// <summary>The stored grading as read from the store; <see cref="Certainty"/> is what readers see.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CertaintyJson { get; init; }

    /// <summary>How this claim was graded; null when it is not graded.</summary>
    public ClaimCertainty? Certainty { get; init; }

    /// <summary>The stored verdict as read from the store; <see cref="Verdict"/> is what readers see.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? VerdictJson { get; init; }

    /// <summary>For a claim about the research or about recommendations: its accuracy verdict; otherwise null.</summary>
    public ClaimVerdictView? Verdict { get; init; }
}

/// <summary>What a claim slug resolves to: the claim, a permanent redirect from an old slug, or nothing.</summary>
public sealed record ClaimLookup(ClaimDetail? Claim, string? RedirectToSlug);
