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
/// so a URL means the same thing everywhere. The choices of each <see cref="FilterDimension"/> are alternatives (OR);
/// dimensions combine with AND.
/// </summary>
public sealed record ClaimFilter(ClaimSort Sort, int Page)
{
    public const int PageSize = 20;

    public static ClaimFilter All { get; } = new(ClaimSort.Strength, 1);

    /// <summary>The chosen slugs by dimension word, each list in its canonical order (see <see cref="ClaimFilterParser"/>); absent when none.</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Condition slugs; any of them.</summary>
    public IReadOnlyList<string> Conditions { get => Chosen(FilterDimensions.Condition); init => Choices = With(Choices, FilterDimensions.Condition, value); }

    /// <summary>Evidence level slugs, weakest first; any of them.</summary>
    public IReadOnlyList<string> Levels { get => Chosen(FilterDimensions.Evidence); init => Choices = With(Choices, FilterDimensions.Evidence, value); }

    /// <summary>Certainty slugs (high, moderate, low, very-low, no-direct-evidence, not-graded), strongest first; any of them.</summary>
    public IReadOnlyList<string> Certainties { get => Chosen(FilterDimensions.Certainty); init => Choices = With(Choices, FilterDimensions.Certainty, value); }

    /// <summary>Verdict slugs of claims about the research (accurate, partly-accurate, inaccurate, cannot-be-checked); any of them.</summary>
    public IReadOnlyList<string> Verdicts { get => Chosen(FilterDimensions.Verdict); init => Choices = With(Choices, FilterDimensions.Verdict, value); }

    /// <summary>The weakest evidence level shown (<see cref="FilterDimension.Minimum"/> of the evidence dimension), or null.</summary>
    public string? MinLevel { get; init; }

    /// <summary>The rank of <see cref="MinLevel"/>.</summary>
    public int? MinRank { get; init; }

    /// <summary>The search text as typed (trimmed), or null when not searching.</summary>
    public string? Query { get; init; }

    /// <summary>The words searched for: <see cref="Query"/> split into letters and digits (see ClaimSearch).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>The sort when none is given: relevance while searching, otherwise strongest evidence first.</summary>
    public ClaimSort DefaultSort => Query is null ? ClaimSort.Strength : ClaimSort.Relevance;

    /// <summary>True when anything narrows the list: a choice in any dimension, a minimum level or a search.</summary>
    public bool IsFiltered => FilterDimensions.All.Any(d => Chosen(d).Count > 0) || MinLevel is not null || Query is not null;

    /// <summary>The slugs chosen in a dimension (empty: all of them).</summary>
    public IReadOnlyList<string> Chosen(FilterDimension dimension) => Choices.GetValueOrDefault(dimension.Word) ?? [];

    /// <summary>The same state with other choices in one dimension (the page number kept).</summary>
    public ClaimFilter Choosing(FilterDimension dimension, IReadOnlyList<string> slugs) => this with { Choices = With(Choices, dimension, slugs) };

    /// <summary>The query string for this state, parameters in one canonical order so equal states have equal URLs.</summary>
    public QueryString ToQueryString() => QueryString.Create(QueryPairs());

    public IEnumerable<KeyValuePair<string, string?>> QueryPairs()
    {
        foreach (var dimension in FilterDimensions.All)
        {
            var chosen = Chosen(dimension);
            foreach (var slug in dimension.SlugOrder ? chosen.Order(StringComparer.Ordinal) : (IEnumerable<string>)chosen)
            {
                yield return new(dimension.Word, slug);
            }

            if (dimension.Minimum is { Word: var min } && MinLevel is not null)
            {
                yield return new(min, MinLevel);
            }
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

    /// <summary>The list without one choice of a dimension, from its first page.</summary>
    public ClaimFilter Without(FilterDimension dimension, string slug) => Choosing(dimension, Chosen(dimension).Where(s => s != slug).ToList()) with { Page = 1 };

    public ClaimFilter WithoutMin() => this with { MinLevel = null, MinRank = null, Page = 1 };

    public ClaimFilter WithoutQuery() => this with { Query = null, Terms = [], Sort = Sort == ClaimSort.Relevance ? ClaimSort.Strength : Sort, Page = 1 };

    /// <summary>The same search without one of its words (for the no-results state).</summary>
    public ClaimFilter WithoutTerm(string term)
    {
        var rest = Terms.Where(t => t != term).ToList();
        return rest.Count == 0 ? WithoutQuery() : this with { Query = string.Join(' ', rest), Terms = rest, Page = 1 };
    }

    public ClaimFilter OnPage(int page) => this with { Page = page };

    private static Dictionary<string, IReadOnlyList<string>> With(IReadOnlyDictionary<string, IReadOnlyList<string>> choices, FilterDimension dimension, IReadOnlyList<string> slugs)
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(choices);
        if (slugs.Count == 0)
        {
            copy.Remove(dimension.Word);
        }
        else
        {
            copy[dimension.Word] = slugs;
        }

        return copy;
    }
}

/// <summary>The names a filter may use, read from the store (they come from content, not code).</summary>
public sealed record FilterVocabulary(IReadOnlyList<LevelBadge> Levels, IReadOnlyList<ConditionRef> Conditions)
{
    /// <summary>The choices of dimensions whose vocabulary has no table of its own (kind), by dimension word, in content order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetTerm>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetTerm>>();
}

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
        var choices = new List<(FilterDimension Dimension, List<string> Slugs)>();
        foreach (var dimension in FilterDimensions.All)
        {
            var valid = dimension.Terms(vocabulary).Select(t => t.Slug).ToList();
            var values = Values(query[dimension.Word]);
            if (Invalid(dimension.Word, values, valid) is { } error)
            {
                return (null, error);
            }

            choices.Add((dimension, dimension.SlugOrder
                ? values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                : valid.Where(values.Contains).ToList()));
        }

        var levelSlugs = vocabulary.Levels.Select(l => l.Slug).ToList();
        var minWord = FilterDimensions.Evidence.Minimum!.Value.Word;
        var min = Values(query[minWord]);
        if (min.Count > 1)
        {
            return (null, new FilterError(minWord, string.Join(",", min), levelSlugs));
        }

        if (Invalid(minWord, min, levelSlugs) is { } minError)
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
        var filter = new ClaimFilter(sort, page)
        {
            MinLevel = minLevel,
            MinRank = minLevel is null ? null : vocabulary.Levels.First(l => l.Slug == minLevel).Rank,
            Query = q.Count == 1 ? q[0] : null,
            Terms = terms,
        };
        return (choices.Aggregate(filter, (f, c) => f.Choosing(c.Dimension, c.Slugs)), null);
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
