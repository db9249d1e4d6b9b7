using System.Runtime.CompilerServices;

namespace MicrobiomePain.Web.Claims;

/// <summary>What one filter selects: how many claims, the facet counts beside each option, and one page's claim numbers.</summary>
public sealed record ClaimSelection(
    int Total,
    IReadOnlyList<int> Numbers,
    IReadOnlyDictionary<string, int> ByCondition,
    IReadOnlyDictionary<string, int> ByLevel)
{
    /// <summary>Claims per certainty slug, counted with the certainty filter left out.</summary>
    public IReadOnlyDictionary<string, int> ByCertainty { get; init; } = new Dictionary<string, int>();

    /// <summary>Claims per verdict slug, counted with the verdict filter left out.</summary>
    public IReadOnlyDictionary<string, int> ByVerdict { get; init; } = new Dictionary<string, int>();

    /// <summary>The search that selected the claims (null when not searching): its query, hits and whether it fell back.</summary>
    public SearchOutcome? Search { get; init; }
}

/// <summary>
/// What filters, facets and sorts need to know about every claim of one store version, held in memory (about 20 bytes a
/// claim): its level, its set of conditions, and its place in each sort order. Totals and facet counts are sums over
/// "cells" (distinct condition set × level → claims), and a page is a walk along a sort order, so a list costs no SQL
/// scan. The sort orders are read from SQL through <see cref="ClaimQuery.Order"/> when the index is loaded, so the order
/// here is by construction the order SQL gives. Search hits come from the store's <see cref="SearchIndex"/> (or FTS5) and are filtered and ordered here.
/// </summary>
public sealed partial class ClaimIndex
{
    private readonly int[] _numbers;             // every claim number, ascending (article order); "claim i" below is _numbers[i]
    private readonly int[] _levels;              // claim i's level, as an index into Vocabulary.Levels (weakest first)
    private readonly int[] _signatures;          // claim i's set of conditions, as an index into _signatureConditions
    private readonly int[][] _signatureConditions; // each distinct set of conditions, as indexes into Vocabulary.Conditions
    private readonly int[] _certainties;         // claim i's judgement: a certainty (index into CertaintyBadge.All) or, after them, a verdict (CertaintyBadge.All.Count + index into VerdictBadge.All)
    private readonly int[] _cells;               // claims per (condition set, level, judgement): [(signature * levels + level) * judgements + judgement]
    private readonly Dictionary<ClaimSort, int[]> _orders; // claim indexes in each sort order; Article is the identity
    private readonly IReadOnlyList<ConditionRef>[] _signatureRefs; // each distinct set of conditions as a list shows it

    // A claim has either a certainty or a verdict, so both filters share one dimension of the cells: the certainty
    // filter passes every verdict when empty (and none when set), and the other way round.
    private static readonly int CertaintyCount = CertaintyBadge.All.Count + VerdictBadge.All.Count;

    /// <summary>A claim's place in the judgement dimension: its verdict when it has one, otherwise its certainty rank.</summary>
    public static int JudgementIndex(int certaintyRank, string? verdict) => verdict is null
        ? CertaintyBadge.All.Select((c, i) => (c, i)).First(x => x.c.Rank == certaintyRank).i
        : CertaintyBadge.All.Count + VerdictBadge.All.Select((v, i) => (v, i)).First(x => x.v.Slug == verdict).i;

    private ClaimIndex(FilterVocabulary vocabulary, int[] numbers, int[] levels, int[] certainties, int[] signatures, int[][] signatureConditions, Dictionary<ClaimSort, int[]> orders, SearchIndex search)
    {
        Search = search;
        _certainties = certainties;
        Vocabulary = vocabulary;
        _numbers = numbers;
        _levels = levels;
        _signatures = signatures;
        _signatureConditions = signatureConditions;
        _orders = orders;
        _signatureRefs = signatureConditions.Select(set => (IReadOnlyList<ConditionRef>)set.Select(c => vocabulary.Conditions[c]).ToList()).ToArray();
        _cells = new int[signatureConditions.Length * vocabulary.Levels.Count * CertaintyCount];
        for (var i = 0; i < numbers.Length; i++)
        {
            _cells[Cell(i)]++;
        }
    }

    /// <summary>The levels (weakest first) and conditions (content order) of this store.</summary>
    public FilterVocabulary Vocabulary { get; }

    public int Count => _numbers.Length;

    /// <summary>The store's full-text index, in memory (see <see cref="ClaimSearch.HitsAsync"/>).</summary>
    public SearchIndex Search { get; }

    /// <summary>
    /// The claims a filter selects. <paramref name="hits"/> are the search's hits (null when not searching); their ranks
    /// order the page only for the relevance sort. Each facet is counted with its own dimension left out, so a count says
    /// how many claims the list would show if that option were chosen with the other filters kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a walk over every hit: see SearchIndex.Search for why
    public ClaimSelection Select(ClaimFilter filter, SearchHits? hits, int skip, int take)
    {
        var conditionOk = ConditionMatches(filter.Conditions);
        var levelOk = LevelMatches(filter);
        var certaintyOnly = CertaintyBadge.All.Select(c => filter.Certainties.Count == 0 || filter.Certainties.Contains(c.Slug, StringComparer.Ordinal))
            .Concat(VerdictBadge.All.Select(_ => filter.Certainties.Count == 0)).ToArray();
        var verdictOnly = CertaintyBadge.All.Select(_ => filter.Verdicts.Count == 0)
            .Concat(VerdictBadge.All.Select(v => filter.Verdicts.Count == 0 || filter.Verdicts.Contains(v.Slug, StringComparer.Ordinal))).ToArray();
        var certaintyOk = certaintyOnly.Zip(verdictOnly, (a, b) => a && b).ToArray();
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
                    cells[Cell(i)]++;
                }
            }
        }

        var levelCount = Vocabulary.Levels.Count;
        var total = 0;
        var byCondition = new int[Vocabulary.Conditions.Count];
        var byLevel = new int[levelCount];
        var byCertainty = new int[CertaintyCount];
        var byVerdict = new int[CertaintyCount];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var claims = cells[cell];
            if (claims == 0)
            {
                continue;
            }

            var (rest, certainty) = (cell / CertaintyCount, cell % CertaintyCount);
            var (signature, level) = (rest / levelCount, rest % levelCount);
            if (levelOk[level] && certaintyOk[certainty])
            {
                total += conditionOk[signature] ? claims : 0;
                foreach (var condition in _signatureConditions[signature])
                {
                    byCondition[condition] += claims;
                }
            }

            byLevel[level] += conditionOk[signature] && certaintyOk[certainty] ? claims : 0;
            byCertainty[certainty] += conditionOk[signature] && levelOk[level] && verdictOnly[certainty] ? claims : 0;
            byVerdict[certainty] += conditionOk[signature] && levelOk[level] && certaintyOnly[certainty] ? claims : 0;
        }

        var numbers = hits is not null && filter.Sort == ClaimSort.Relevance
            ? ByRelevance(hits, hitClaims!, i => Matches(i, conditionOk, levelOk, certaintyOk), skip, take)
            : InOrder(filter.Sort, hitClaims, conditionOk, levelOk, certaintyOk, skip, take);
        return new ClaimSelection(
            total,
            numbers,
            Vocabulary.Conditions.Select((c, i) => (c.Slug, byCondition[i])).ToDictionary(),
            Vocabulary.Levels.Select((l, i) => (l.Slug, byLevel[i])).ToDictionary())
        {
            ByCertainty = CertaintyBadge.All.Select((c, i) => (c.Slug, byCertainty[i])).ToDictionary(),
            ByVerdict = VerdictBadge.All.Select((v, i) => (v.Slug, byVerdict[CertaintyBadge.All.Count + i])).ToDictionary(),
        };
    }

    /// <summary>A claim's level badge.</summary>
    public LevelBadge LevelOf(int number) => Vocabulary.Levels[_levels[Claim(number)]];

    /// <summary>A claim's conditions in content order (the order of conditions.yml).</summary>
    public IReadOnlyList<ConditionRef> ConditionsOf(int number) => _signatureRefs[_signatures[Claim(number)]];

    private int Claim(int number) => Array.BinarySearch(_numbers, number) is var i and >= 0
        ? i
        : throw new KeyNotFoundException($"Claim {number} is not in this store's index.");

    private int Cell(int claim) => (((_signatures[claim] * Vocabulary.Levels.Count) + _levels[claim]) * CertaintyCount) + _certainties[claim];

    private bool Matches(int claim, bool[] conditionOk, bool[] levelOk, bool[] certaintyOk) =>
        conditionOk[_signatures[claim]] && levelOk[_levels[claim]] && certaintyOk[_certainties[claim]];

    /// <summary>For each distinct condition set: does it share a condition with the filter's (OR within the dimension)?</summary>
    private bool[] ConditionMatches(IReadOnlyList<string> slugs)
    {
        var chosen = Vocabulary.Conditions.Select(c => slugs.Contains(c.Slug, StringComparer.Ordinal)).ToArray();
        return _signatureConditions.Select(set => slugs.Count == 0 || set.Any(c => chosen[c])).ToArray();
    }

    private bool[] LevelMatches(ClaimFilter filter) => Vocabulary.Levels
        .Select(l => (filter.Levels.Count == 0 || filter.Levels.Contains(l.Slug, StringComparer.Ordinal)) && (filter.MinRank is not int min || l.Rank >= min))
        .ToArray();

    /// <summary>The page of matching claims along a sort order (a walk that stops when the page is full).</summary>
    private List<int> InOrder(ClaimSort sort, int[]? hitClaims, bool[] conditionOk, bool[] levelOk, bool[] certaintyOk, int skip, int take)
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
            if ((isHit is null || isHit[i]) && Matches(i, conditionOk, levelOk, certaintyOk) && seen++ >= skip)
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
        var conditionOk = ConditionMatches(conditions);
        var related = new List<int>(take);
        foreach (var level in Enumerable.Range(0, Vocabulary.Levels.Count)
                     .OrderBy(l => Math.Abs(Vocabulary.Levels[l].Rank - rank)).ThenByDescending(l => Vocabulary.Levels[l].Rank))
        {
            for (var i = 0; i < Count && related.Count < take; i++)
            {
                if (i != self && _levels[i] == level && conditionOk[_signatures[i]])
                {
                    related.Add(_numbers[i]);
                }
            }
        }

        return related;
    }
}
