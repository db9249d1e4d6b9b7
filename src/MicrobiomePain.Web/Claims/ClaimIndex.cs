using System.Runtime.CompilerServices;

namespace MicrobiomePain.Web.Claims;

/// <summary>What one filter selects: how many claims, the facet counts beside each choice, and one page's claim numbers.</summary>
public sealed record ClaimSelection(int Total, IReadOnlyList<int> Numbers, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts)
{
    /// <summary>Claims per choice of a dimension (by slug), counted with that dimension's own choices left out.</summary>
    public IReadOnlyDictionary<string, int> CountsOf(FilterDimension dimension) => Counts[dimension.Word];

    public IReadOnlyDictionary<string, int> ByCondition => CountsOf(FilterDimensions.Condition);

    public IReadOnlyDictionary<string, int> ByLevel => CountsOf(FilterDimensions.Evidence);

    public IReadOnlyDictionary<string, int> ByCertainty => CountsOf(FilterDimensions.Certainty);

    public IReadOnlyDictionary<string, int> ByVerdict => CountsOf(FilterDimensions.Verdict);

    /// <summary>The search that selected the claims (null when not searching): its query, hits and whether it fell back.</summary>
    public SearchOutcome? Search { get; init; }
}

/// <summary>
/// What filters, facets and sorts need to know about every claim of one store version, held in memory (about 8 bytes a
/// claim plus its place in each sort order). Claims with the same values in every <see cref="FilterDimension"/> share a
/// "cell" (few: conditions sets × levels × judgements × kinds that occur); totals and facet counts are sums over cells, a
/// filter is decided once per cell, and a page is a walk along a sort order, so a list costs no SQL scan. The sort orders
/// are read from SQL through <see cref="ClaimQuery.Order"/> when the index is loaded, so the order here is by
/// construction the order SQL gives. Search hits come from the store's <see cref="SearchIndex"/> (or FTS5) and are
/// filtered and ordered here.
/// </summary>
public sealed partial class ClaimIndex
{
    private static readonly IReadOnlyList<FilterDimension> Dimensions = FilterDimensions.All;
    private static readonly int EvidenceDimension = Dimensions.ToList().IndexOf(FilterDimensions.Evidence);
    private static readonly int ConditionDimension = Dimensions.ToList().IndexOf(FilterDimensions.Condition);

    private readonly int[] _numbers;               // every claim number, ascending (article order); "claim i" below is _numbers[i]
    private readonly int[] _cellOf;                // claim i's cell
    private readonly int[] _cells;                 // claims per cell
    private readonly int[][] _cellTerms;           // [cell * dimensions + d]: the cell's choices in dimension d, as indexes into _terms[d]
    private readonly IReadOnlyList<FacetTerm>[] _terms; // each dimension's choices
    private readonly IReadOnlyList<ConditionRef>[] _cellConditions; // each cell's conditions as a list shows them
    private readonly Dictionary<ClaimSort, int[]> _orders; // claim indexes in each sort order; Article is the identity

    /// <summary>The prose pages in the site's navigation, after the pages code serves (content/pages/*.md with 'nav').</summary>
    public IReadOnlyList<NavLink> Navigation { get; private init; } = [];

    // facts: every claim's facts, by ascending number.
    private ClaimIndex(FilterVocabulary vocabulary, IReadOnlyList<ClaimFacts> facts, Dictionary<ClaimSort, int[]> orders, SearchIndex search)
    {
        Search = search;
        Vocabulary = vocabulary;
        _orders = orders;
        _numbers = facts.Select(f => f.Number).ToArray();
        _terms = Dimensions.Select(d => d.Terms(vocabulary)).ToArray();

        // A cell is a distinct combination of each dimension's set of choices, keyed by the sets' ids.
        var termIndexes = _terms.Select(terms => terms.Select((t, i) => (t.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal)).ToArray();
        var sets = Dimensions.Select(_ => new Dictionary<string, int[]>(StringComparer.Ordinal)).ToArray();
        var cells = new Dictionary<string, int>(StringComparer.Ordinal);
        var cellTerms = new List<int[]>();
        _cellOf = new int[facts.Count];
        var key = new string[Dimensions.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var terms = new int[Dimensions.Count][];
            for (var d = 0; d < Dimensions.Count; d++)
            {
                var set = Dimensions[d].ValuesOf(facts[i], vocabulary).Select(slug => termIndexes[d][slug]).Distinct().Order().ToArray();
                key[d] = string.Join(',', set);
                terms[d] = sets[d].TryGetValue(key[d], out var shared) ? shared : sets[d][key[d]] = set;
            }

            var cellKey = string.Join(';', key);
            if (!cells.TryGetValue(cellKey, out var cell))
            {
                cells[cellKey] = cell = cells.Count;
                cellTerms.AddRange(terms);
            }

            _cellOf[i] = cell;
        }

        _cellTerms = [.. cellTerms];
        _cells = new int[cells.Count];
        foreach (var cell in _cellOf)
        {
            _cells[cell]++;
        }

        _cellConditions = Enumerable.Range(0, cells.Count)
            .Select(cell => (IReadOnlyList<ConditionRef>)TermsOf(cell, ConditionDimension).Select(c => vocabulary.Conditions[c]).ToList())
            .ToArray();
    }

    /// <summary>The levels (weakest first), conditions (content order) and other vocabularies (kinds) of this store.</summary>
    public FilterVocabulary Vocabulary { get; }

    public int Count => _numbers.Length;

    /// <summary>The store's full-text index, in memory (see <see cref="ClaimSearch.HitsAsync"/>).</summary>
    public SearchIndex Search { get; }

    /// <summary>
    /// The claims a filter selects. <paramref name="hits"/> are the search's hits (null when not searching); their ranks
    /// order the page only for the relevance sort. Each facet is counted with its own dimension left out, so a count says
    /// how many claims the list would show if that choice were made with the other filters kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a walk over every hit: see SearchIndex.Search for why
    public ClaimSelection Select(ClaimFilter filter, SearchHits? hits, int skip, int take)
    {
        var passes = Passes(filter);
        var cells = _cells;
        int[]? hitClaims = null;
        if (hits is not null)
        {
            hitClaims = new int[hits.Count];
            cells = new int[_cells.Length];
            for (int k = 0, next = 0; k < hits.Count; k++)
            {
                // Hits come in claim number order, so one forward walk finds them; any other order still works.
                var number = hits.Numbers[k];
                while (next < Count && _numbers[next] < number)
                {
                    next++;
                }

                var i = hitClaims[k] = next < Count && _numbers[next] == number ? next : Array.BinarySearch(_numbers, number);
                if (i >= 0)
                {
                    cells[_cellOf[i]]++;
                }
            }
        }

        // A cell counts towards the total when every dimension passes it, and towards a dimension's facet when every
        // other dimension does.
        var dimensions = Dimensions.Count;
        var total = 0;
        var counts = _terms.Select(t => new int[t.Count]).ToArray();
        var cellOk = new bool[cells.Length];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var claims = cells[cell];
            var (failures, failing) = (0, -1);
            for (var d = 0; d < dimensions && failures < 2; d++)
            {
                if (passes[d] is { } pass && !AnyPasses(pass, _cellTerms[(cell * dimensions) + d]))
                {
                    (failures, failing) = (failures + 1, d);
                }
            }

            cellOk[cell] = failures == 0;
            if (claims == 0 || failures > 1)
            {
                continue;
            }

            total += failures == 0 ? claims : 0;
            for (var d = 0; d < dimensions; d++)
            {
                if (failures == 0 || d == failing)
                {
                    foreach (var term in _cellTerms[(cell * dimensions) + d])
                    {
                        counts[d][term] += claims;
                    }
                }
            }
        }

        var numbers = hits is not null && filter.Sort == ClaimSort.Relevance
            ? ByRelevance(hits, hitClaims!, i => cellOk[_cellOf[i]], skip, take)
            : InOrder(filter.Sort, hitClaims, cellOk, skip, take);
        return new ClaimSelection(
            total,
            numbers,
            Dimensions.Select((d, i) => (d.Word, (IReadOnlyDictionary<string, int>)_terms[i].Select((t, k) => (t.Slug, counts[i][k])).ToDictionary()))
                .ToDictionary());
    }

    /// <summary>A claim's level badge.</summary>
    public LevelBadge LevelOf(int number) => Vocabulary.Levels[TermsOf(_cellOf[Claim(number)], EvidenceDimension)[0]];

    /// <summary>A claim's conditions in content order (the order of conditions.yml).</summary>
    public IReadOnlyList<ConditionRef> ConditionsOf(int number) => _cellConditions[_cellOf[Claim(number)]];

    private int Claim(int number) => Array.BinarySearch(_numbers, number) is var i and >= 0
        ? i
        : throw new KeyNotFoundException($"Claim {number} is not in this store's index.");

    private int[] TermsOf(int cell, int dimension) => _cellTerms[(cell * Dimensions.Count) + dimension];

    private static bool AnyPasses(bool[] pass, int[] terms)
    {
        foreach (var term in terms)
        {
            if (pass[term])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For each dimension, which of its choices a claim may have (null: the dimension does not filter).</summary>
    private bool[]?[] Passes(ClaimFilter filter)
    {
        var passes = new bool[]?[Dimensions.Count];
        for (var d = 0; d < Dimensions.Count; d++)
        {
            var chosen = filter.Chosen(Dimensions[d]);
            var min = Dimensions[d].Minimum is not null ? filter.MinRank : null;
            if (chosen.Count > 0 || min is not null)
            {
                passes[d] = _terms[d].Select(t => (chosen.Count == 0 || chosen.Contains(t.Slug, StringComparer.Ordinal)) && (min is not int m || t.Rank >= m)).ToArray();
            }
        }

        return passes;
    }

    /// <summary>The page of matching claims along a sort order (a walk that stops when the page is full).</summary>
    private List<int> InOrder(ClaimSort sort, int[]? hitClaims, bool[] cellOk, int skip, int take)
    {
        bool[]? isHit = null;
        if (hitClaims is not null)
        {
            isHit = new bool[Count];
            foreach (var i in hitClaims.Where(i => i >= 0))
            {
                isHit[i] = true;
            }
        }

        var order = _orders.GetValueOrDefault(sort == ClaimSort.Relevance ? ClaimSort.Strength : sort);
        var page = new List<int>(Math.Min(take, Count));
        var seen = 0;
        for (var k = 0; k < Count && page.Count < take; k++)
        {
            var i = order is null ? k : order[k];
            if ((isHit is null || isHit[i]) && cellOk[_cellOf[i]] && seen++ >= skip)
            {
                page.Add(_numbers[i]);
            }
        }

        return page;
    }

    /// <summary>The page of matching hits, best bm25 rank first, then article order (as SQL's ORDER BY rank, number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a walk over every hit: see SearchIndex.Search for why
    private static List<int> ByRelevance(SearchHits hits, int[] hitClaims, Func<int, bool> matches, int skip, int take)
    {
        // Only the best skip + take hits are needed: keep them in a heap whose top is the worst kept, instead of sorting all.
        var keep = skip + take;
        if (keep == 0)
        {
            return [];
        }

        var best = new PriorityQueue<(double Rank, int Number), (double Rank, int Number)>(Comparer<(double Rank, int Number)>.Create((a, b) => b.CompareTo(a)));
        for (var k = 0; k < hits.Count; k++)
        {
            var hit = (hits.Ranks[k], hits.Numbers[k]);
            if (hitClaims[k] < 0 || !matches(hitClaims[k]) || (best.Count == keep && hit.CompareTo(best.Peek()) >= 0))
            {
                continue;
            }

            best.Enqueue(hit, hit);
            if (best.Count > keep)
            {
                best.Dequeue();
            }
        }

        var ranked = best.UnorderedItems.Select(x => x.Element).ToList();
        ranked.Sort();
        return ranked.Skip(skip).Take(take).Select(r => r.Number).ToList();
    }

    /// <summary>
    /// Up to <paramref name="take"/> claims other than <paramref name="number"/> sharing one of its conditions: nearest to
    /// its level's <paramref name="rank"/> first, then the stronger of two equally near levels, then article order.
    /// </summary>
    public List<int> Related(int number, int rank, IReadOnlyList<string> conditions, int take)
    {
        var self = Array.BinarySearch(_numbers, number);
        var chosen = Vocabulary.Conditions.Select(c => conditions.Contains(c.Slug, StringComparer.Ordinal)).ToArray();
        var conditionOk = Enumerable.Range(0, _cells.Length).Select(cell => conditions.Count == 0 || AnyPasses(chosen, TermsOf(cell, ConditionDimension))).ToArray();
        var levelOf = Enumerable.Range(0, _cells.Length).Select(cell => TermsOf(cell, EvidenceDimension)[0]).ToArray();
        var related = new List<int>(take);
        foreach (var level in Enumerable.Range(0, Vocabulary.Levels.Count)
                     .OrderBy(l => Math.Abs(Vocabulary.Levels[l].Rank - rank)).ThenByDescending(l => Vocabulary.Levels[l].Rank))
        {
            for (var i = 0; i < Count && related.Count < take; i++)
            {
                if (i != self && levelOf[_cellOf[i]] == level && conditionOk[_cellOf[i]])
                {
                    related.Add(_numbers[i]);
                }
            }
        }

        return related;
    }
}
