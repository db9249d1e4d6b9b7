using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace MicrobiomePain.Web.Claims;

public enum ClaimSort
{
    /// <summary>Best search match first (the default when searching); without a search, strongest first.</summary>
    Relevance,

    /// <summary>Strongest evidence first, then article order.</summary>
    Strength,

    /// <summary>The order the claims appear in the article.</summary>
    Article,
    Title,

    /// <summary>Most recently reviewed first.</summary>
    Reviewed,

    /// <summary>Largest overstatement first (how much surer the article sounds than its evidence), then article order.</summary>
    Overstatement,
}

/// <summary>
/// One filter state of the claim list. Every page, API and export that lists claims takes one of these,
/// so a URL means the same thing everywhere. Within a dimension values are alternatives (OR); dimensions
/// combine with AND.
/// </summary>
public sealed record ClaimFilter(
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Levels,
    string? MinLevel,
    int? MinRank,
    ClaimSort Sort,
    int Page)
{
    public const int PageSize = 20;

    public static ClaimFilter All { get; } = new([], [], null, null, ClaimSort.Strength, 1);

    /// <summary>Certainty slugs (high, moderate, low, very-low, no-direct-evidence, not-graded), strongest first; any of them.</summary>
    public IReadOnlyList<string> Certainties { get; init; } = [];

    /// <summary>Verdict slugs of claims about the research (accurate, partly-accurate, inaccurate, cannot-be-checked); any of them.</summary>
    public IReadOnlyList<string> Verdicts { get; init; } = [];

    /// <summary>The search text as typed (trimmed), or null when not searching.</summary>
    public string? Query { get; init; }

    /// <summary>The words searched for: <see cref="Query"/> split into letters and digits (see ClaimSearch).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>The sort when none is given: relevance while searching, otherwise strongest evidence first.</summary>
    public ClaimSort DefaultSort => Query is null ? ClaimSort.Strength : ClaimSort.Relevance;

    public bool IsFiltered => Conditions.Count > 0 || Levels.Count > 0 || MinLevel is not null || Query is not null || Certainties.Count > 0 || Verdicts.Count > 0;

    /// <summary>The query string for this state, parameters in one canonical order so equal states have equal URLs.</summary>
    public QueryString ToQueryString() => QueryString.Create(QueryPairs());

    public IEnumerable<KeyValuePair<string, string?>> QueryPairs()
    {
        foreach (var c in Conditions.Order(StringComparer.Ordinal))
        {
            yield return new("condition", c);
        }

        foreach (var l in Levels)
        {
            yield return new("evidence", l);
        }

        if (MinLevel is not null)
        {
            yield return new("min", MinLevel);
        }

        foreach (var c in Certainties)
        {
            yield return new("certainty", c);
        }

        foreach (var v in Verdicts)
        {
            yield return new("verdict", v);
        }

        if (Query is not null)
        {
            yield return new("q", Query);
        }

        if (Sort != DefaultSort)
        {
            yield return new("sort", Sort.ToString().ToLowerInvariant());
        }

        if (Page > 1)
        {
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
        }
    }

    public ClaimFilter WithoutCondition(string slug) => this with { Conditions = Conditions.Where(c => c != slug).ToList(), Page = 1 };

    public ClaimFilter WithoutLevel(string slug) => this with { Levels = Levels.Where(l => l != slug).ToList(), Page = 1 };

    public ClaimFilter WithoutCertainty(string slug) => this with { Certainties = Certainties.Where(c => c != slug).ToList(), Page = 1 };

    public ClaimFilter WithoutVerdict(string slug) => this with { Verdicts = Verdicts.Where(v => v != slug).ToList(), Page = 1 };

    public ClaimFilter WithoutMin() => this with { MinLevel = null, MinRank = null, Page = 1 };

    public ClaimFilter WithoutQuery() => this with { Query = null, Terms = [], Sort = Sort == ClaimSort.Relevance ? ClaimSort.Strength : Sort, Page = 1 };

    /// <summary>The same search without one of its words (for the no-results state).</summary>
    public ClaimFilter WithoutTerm(string term)
    {
        var rest = Terms.Where(t => t != term).ToList();
        return rest.Count == 0 ? WithoutQuery() : this with { Query = string.Join(' ', rest), Terms = rest, Page = 1 };
    }

    public ClaimFilter OnPage(int page) => this with { Page = page };
}

/// <summary>The names a filter may use, read from the store (they come from content, not code).</summary>
public sealed record FilterVocabulary(IReadOnlyList<LevelBadge> Levels, IReadOnlyList<ConditionRef> Conditions);

/// <summary>A filter value that was not understood: which parameter, what was sent, and what would have been valid.</summary>
public sealed record FilterError(string Parameter, string Value, IReadOnlyList<string> ValidValues)
{
    public string Message => $"The value '{Value}' for '{Parameter}' was not understood.";
}

public static class ClaimFilterParser
{
    public const int MaxValuesPerParameter = 20;
    public const int MaxPage = 10_000;

    /// <summary>
    /// Turns a query string into a filter, or the first value that is not valid. Empty values (an empty
    /// &lt;select&gt; in the GET form) mean "not set". Unknown parameters are ignored, as links often carry
    /// tracking parameters.
    /// </summary>
    public static (ClaimFilter? Filter, FilterError? Error) Parse(IQueryCollection query, FilterVocabulary vocabulary)
    {
        var levelSlugs = vocabulary.Levels.Select(l => l.Slug).ToList();
        var conditionSlugs = vocabulary.Conditions.Select(c => c.Slug).ToList();

        var conditions = Values(query["condition"]);
        if (Invalid("condition", conditions, conditionSlugs) is { } conditionError)
        {
            return (null, conditionError);
        }

        var levels = Values(query["evidence"]);
        if (Invalid("evidence", levels, levelSlugs) is { } levelError)
        {
            return (null, levelError);
        }

        var certaintySlugs = CertaintyBadge.All.Select(c => c.Slug).ToList();
        var certainties = Values(query["certainty"]);
        if (Invalid("certainty", certainties, certaintySlugs) is { } certaintyError)
        {
            return (null, certaintyError);
        }

        var verdictSlugs = VerdictBadge.All.Select(v => v.Slug).ToList();
        var verdicts = Values(query["verdict"]);
        if (Invalid("verdict", verdicts, verdictSlugs) is { } verdictError)
        {
            return (null, verdictError);
        }

        var min = Values(query["min"]);
        if (min.Count > 1)
        {
            return (null, new FilterError("min", string.Join(",", min), levelSlugs));
        }

        if (Invalid("min", min, levelSlugs) is { } minError)
        {
            return (null, minError);
        }

        var sortText = Values(query["sort"]);
        var sort = ClaimSort.Strength;
        var sortNames = Enum.GetNames<ClaimSort>().Select(n => n.ToLowerInvariant()).ToList();
        if (sortText.Count > 1 || (sortText.Count == 1 && !sortNames.Contains(sortText[0], StringComparer.Ordinal)))
        {
            return (null, new FilterError("sort", string.Join(",", sortText), sortNames));
        }

        if (sortText.Count == 1)
        {
            sort = Enum.Parse<ClaimSort>(sortText[0], ignoreCase: true);
        }

        var q = Values(query["q"]);
        if (q.Count > 1 || (q.Count == 1 && q[0].Length > ClaimSearch.MaxQueryLength))
        {
            return (null, new FilterError("q", Shorten(string.Join(" ", q)), [$"one search of at most {ClaimSearch.MaxQueryLength} characters"]));
        }

        var terms = q.Count == 1 ? ClaimSearch.Terms(q[0]) : [];
        if (terms.Count > ClaimSearch.MaxTerms)
        {
            return (null, new FilterError("q", Shorten(q[0]), [$"a search of at most {ClaimSearch.MaxTerms} words"]));
        }

        if (sortText.Count == 0 && q.Count == 1)
        {
            sort = ClaimSort.Relevance;
        }

        var pageText = Values(query["page"]);
        var page = 1;
        if (pageText.Count > 1 || (pageText.Count == 1 && (!int.TryParse(pageText[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage)))
        {
            return (null, new FilterError("page", string.Join(",", pageText), [$"a whole number from 1 to {MaxPage}"]));
        }

        var minLevel = min.Count == 1 ? min[0] : null;
        var orderedLevels = vocabulary.Levels.Where(l => levels.Contains(l.Slug)).Select(l => l.Slug).ToList();
        return (new ClaimFilter(
            conditions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            orderedLevels,
            minLevel,
            minLevel is null ? null : vocabulary.Levels.First(l => l.Slug == minLevel).Rank,
            sort,
            page)
        {
            Query = q.Count == 1 ? q[0] : null,
            Terms = terms,
            Certainties = certaintySlugs.Where(certainties.Contains).ToList(),
            Verdicts = verdictSlugs.Where(verdicts.Contains).ToList(),
        }, null);
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static List<string> Values(StringValues values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    private static FilterError? Invalid(string parameter, List<string> values, IReadOnlyList<string> valid)
    {
        if (values.Count > MaxValuesPerParameter)
        {
            return new FilterError(parameter, $"{values.Count} values", valid);
        }

        var bad = values.FirstOrDefault(v => !valid.Contains(v, StringComparer.Ordinal));
        return bad is null ? null : new FilterError(parameter, bad, valid);
    }
}
