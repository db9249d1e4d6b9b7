using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// The hits of one search: claim numbers ascending (the order FTS5 returns them in) and each one's bm25 rank (lower is
/// better; 0 when the sort does not rank).
/// </summary>
public sealed record SearchHits(int[] Numbers, double[] Ranks)
{
    public static readonly SearchHits None = new([], []);

    public int Count => Numbers.Length;
}

/// <summary>
/// An in-memory inverted index over FTS5's own tokens that ranks exactly as <see cref="ClaimSearch.Rank"/> does: the same
/// hits, the same bm25 doubles, so the same order. At 100k claims FTS5 spends ~20 ms merging the doclists of a prefix
/// query and ~80 ms more ranking each row; here a search that matches nearly every claim is a few passes over arrays.
/// <list type="bullet">
/// <item>Tokens are FTS5's (porter stemming over unicode61, diacritics removed): the store builder reads every token back
/// from FTS5 (<see cref="Store.SearchPostings"/>), and a reader's words are tokenized by FTS5 too (<see cref="Store.SearchTokens"/>,
/// remembered per store version in <see cref="TokenOf"/>).</item>
/// <item>A query is groups of alternatives of words (<see cref="SearchQuery"/>): a claim matches when every group (or, for
/// the fallback, any group) has an alternative whose words are all in it.</item>
/// <item>bm25 is fts5_aux.c's fts5Bm25Function step for step: a phrase's frequency is the sum of the column weights of its
/// instances in the row (whole numbers, so exact in any order), counted only where the alternative it belongs to matches
/// the row (FTS5 reports a phrase's instances only when its expression node sits on the row); D is the row's token count,
/// avgdl the table's total over its row count, idf = log((N − nHit + 0.5) / (nHit + 0.5)) floored at 1e-6 with nHit the
/// rows holding the phrase, k1 = 1.2, b = 0.75, and the score is summed phrase by phrase in expression order and
/// negated. The same IEEE operations in the same order give the same doubles; SearchIndexTests check every rank against
/// FTS5's, bit for bit.</item>
/// </list>
/// </summary>
public sealed partial class SearchIndex
{
    private const double K1 = 1.2;  // fts5Bm25Function's constants
    private const double B = 0.75;
    private const int MaxRememberedWords = 50_000;

    private readonly string[] _terms;      // every token of the index, in ordinal order (a prefix's tokens are one run)
    private readonly int[][] _documents;   // term t's documents (positions in _numbers), ascending
    private readonly int[][] _frequencies; // term t's weighted frequency in each of those documents
    private readonly int[] _numbers;       // document d's claim number (its FTS5 rowid), ascending
    private readonly int[] _sizes;         // document d's token count over all columns (xColumnSize(-1))
    private readonly double _averageSize;  // avgdl: xColumnTotalSize(-1) / xRowCount
    private readonly ConcurrentDictionary<string, string?> _wordTokens = new(StringComparer.Ordinal);

    private SearchIndex(string[] terms, int[][] documents, int[][] frequencies, int[] numbers, int[] sizes, SearchVocabulary vocabulary)
    {
        // Ordinal (UTF-16) order, which the binary search below uses; the store's order is SQLite's (UTF-8 bytes).
        var order = Enumerable.Range(0, terms.Length).ToArray();
        Array.Sort(terms, order, StringComparer.Ordinal);
        (_terms, _numbers, _sizes, Vocabulary) = (terms, numbers, sizes, vocabulary);
        _documents = order.Select(t => documents[t]).ToArray();
        _frequencies = order.Select(t => frequencies[t]).ToArray();
        long total = 0;
        foreach (var size in sizes)
        {
            total += size;
        }

        _averageSize = numbers.Length == 0 ? 0 : (double)total / (double)numbers.Length;
    }

    /// <summary>The content's synonym sets, with FTS5's tokens.</summary>
    public SearchVocabulary Vocabulary { get; }

    /// <summary>Every token of the index with the number of claims holding it and the first of them, for suggestions.</summary>
    public IEnumerable<(string Term, int Claims, int FirstClaim)> Terms =>
        _terms.Select((t, i) => (t, _documents[i].Length, _documents[i].Length == 0 ? 0 : _numbers[_documents[i][0]]));

    /// <summary>
    /// FTS5's token for each word (null where a word is not exactly one token), asking <paramref name="tokenize"/> only for
    /// words not seen before in this store version.
    /// </summary>
    public IReadOnlyList<string?> TokenOf(IReadOnlyList<string> words, Func<IReadOnlyList<string>, IReadOnlyList<string[]>> tokenize)
    {
        var unknown = words.Where(w => !_wordTokens.ContainsKey(w)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            if (_wordTokens.Count > MaxRememberedWords)
            {
                _wordTokens.Clear(); // bounded: a stream of made-up words must not grow the process
            }

            var tokens = tokenize(unknown);
            for (var i = 0; i < unknown.Count; i++)
            {
                _wordTokens[unknown[i]] = tokens[i].Length == 1 ? tokens[i][0] : null;
            }
        }

        return words.Select(w => _wordTokens.TryGetValue(w, out var t) ? t : tokenize([w]) is [[var one]] ? one : null).ToList();
    }

    /// <summary>The claims the query matches, in number order, with bm25 ranks when <paramref name="ranked"/>.</summary>
    // AggressiveOptimization: this walk over every posting of a prefix is the whole cost of a search that matches most
    // claims. Left to tiering, it runs for the first ~20 s of a process in dynamic PGO's instrumented tier (counters on
    // every loop edge), at 2–3× its optimized time: 20–37 ms instead of ~10 ms a search at 100k claims (2026-12-03,
    // docs/performance.md "Search at 100k claims"). Jitted optimized on first call instead, without PGO, which an array walk
    // does not need.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SearchHits Search(SearchQuery query, bool ranked)
    {
        if (!query.InMemory)
        {
            throw new ArgumentException("Only a query whose every word is one FTS5 token is answered in memory.", nameof(query));
        }

        var phrases = query.Phrases.ToArray();
        var alternatives = query.Groups.SelectMany(g => g.Alternatives).ToArray();
        var alternativeOf = alternatives.SelectMany((a, i) => a.Phrases.Select(_ => i)).ToArray(); // phrase → its alternative

        // The query's shape as plain arrays, read per document: alternative a's phrases end before phraseEnds[a], group g's
        // alternatives before groupEnds[g]. Reading the records' lists per document instead cost ~7 % of a search at 100k
        // (search.sh, 2026-12-07: uncached p50 17.5 vs 18.6 ms, repeated 15.2 vs 16.5 ms in one run).
        var phraseEnds = alternatives.Select(a => a.Phrases.Count).ToArray();
        for (var a = 1; a < phraseEnds.Length; a++)
        {
            phraseEnds[a] += phraseEnds[a - 1];
        }

        var groupEnds = query.Groups.Select(g => g.Alternatives.Count).ToArray();
        for (var g = 1; g < groupEnds.Length; g++)
        {
            groupEnds[g] += groupEnds[g - 1];
        }

        var n = _numbers.Length;
        var frequencies = new int[phrases.Length][];
        var matching = new long[phrases.Length]; // nHit: documents holding each phrase, in the whole table
        var matched = ArrayPool<bool>.Shared.Rent(n);
        var ok = new bool[alternatives.Length];
        try
        {
            for (var p = 0; p < phrases.Length; p++)
            {
                var frequency = frequencies[p] = ArrayPool<int>.Shared.Rent(n);
                Array.Clear(frequency, 0, n);
                var (from, to) = phrases[p].Prefix ? PrefixRange(phrases[p].Token!) : ExactRange(phrases[p].Token!);
                for (var t = from; t < to; t++)
                {
                    var (documents, weights) = (_documents[t], _frequencies[t]);
                    for (var k = 0; k < documents.Length; k++)
                    {
                        ref var f = ref frequency[documents[k]];
                        matching[p] += f == 0 ? 1 : 0;
                        f += weights[k];
                    }
                }
            }

            var count = 0;
            for (var d = 0; d < n; d++)
            {
                count += (matched[d] = Matches(frequencies, phraseEnds, groupEnds, query.AnyGroup, ok, d)) ? 1 : 0;
            }

            var idf = new double[phrases.Length];
            for (var p = 0; p < phrases.Length; p++)
            {
                idf[p] = Math.Log((n - matching[p] + 0.5) / (matching[p] + 0.5));
                if (idf[p] <= 0.0)
                {
                    idf[p] = 1e-6;
                }
            }

            var numbers = new int[count];
            var ranks = new double[count];
            for (int d = 0, k = 0; k < count; d++)
            {
                if (!matched[d])
                {
                    continue;
                }

                numbers[k] = _numbers[d];
                if (ranked)
                {
                    Matches(frequencies, phraseEnds, groupEnds, query.AnyGroup, ok, d);
                }

                ranks[k++] = ranked ? Bm25(frequencies, alternativeOf, ok, idf, d) : 0.0;
            }

            return new SearchHits(numbers, ranks);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(matched);
            foreach (var frequency in frequencies.Where(f => f is not null))
            {
                ArrayPool<int>.Shared.Return(frequency);
            }
        }
    }
}
