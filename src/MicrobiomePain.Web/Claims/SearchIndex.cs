using System.Buffers;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

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
/// <item>Tokens are FTS5's: the store builder tokenizes the rows' text as FTS5's unicode61 does where it can be sure of it,
/// leaves the rest to FTS5, and checks the result against FTS5's own counts, falling back to reading every token back
/// from FTS5 (<see cref="SearchPostings"/>). <see cref="Write"/> stores one row per term with its documents and weighted
/// frequencies.</item>
/// <item>bm25 is fts5_aux.c's fts5Bm25Function step for step: the phrase frequency is the sum of the column weights of its
/// instances (whole numbers, so exact in any order), D is the row's token count over all columns, avgdl the table's
/// total over its row count, idf = log((N − nHit + 0.5) / (nHit + 0.5)) floored at 1e-6, k1 = 1.2, b = 0.75, and the
/// score is summed phrase by phrase in query order and negated. The same IEEE operations in the same order give the same
/// doubles; SearchIndexTests check every rank against FTS5's, bit for bit.</item>
/// <item>A query term is answered here only when FTS5 would read it as one token equal to itself: ASCII letters and
/// digits, lowercased (<see cref="ClaimSearch.Terms"/> lowercases). Anything else (an accent, another script) goes to FTS5,
/// whose tokenizer folds it (<see cref="CanAnswer"/>); such a search costs what it did before, ~0.2 s at 100k claims.</item>
/// </list>
/// </summary>
public sealed class SearchIndex
{
    public const string PostingsTable = ClaimSearch.Table + "_postings";
    public const string DocumentsTable = ClaimSearch.Table + "_documents";

    private const double K1 = 1.2;  // fts5Bm25Function's constants
    private const double B = 0.75;

    private readonly string[] _terms;      // every token of the index, in ordinal order (a prefix's tokens are one run)
    private readonly int[][] _documents;   // term t's documents (positions in _numbers), ascending
    private readonly int[][] _frequencies; // term t's weighted frequency in each of those documents
    private readonly int[] _numbers;       // document d's claim number (its FTS5 rowid), ascending
    private readonly int[] _sizes;         // document d's token count over all columns (xColumnSize(-1))
    private readonly double _averageSize;  // avgdl: xColumnTotalSize(-1) / xRowCount

    private SearchIndex(string[] terms, int[][] documents, int[][] frequencies, int[] numbers, int[] sizes)
    {
        // Ordinal (UTF-16) order, which the binary search below uses; the store's order is SQLite's (UTF-8 bytes).
        var order = Enumerable.Range(0, terms.Length).ToArray();
        Array.Sort(terms, order, StringComparer.Ordinal);
        (_terms, _numbers, _sizes) = (terms, numbers, sizes);
        _documents = order.Select(t => documents[t]).ToArray();
        _frequencies = order.Select(t => frequencies[t]).ToArray();
        long total = 0;
        foreach (var size in sizes)
        {
            total += size;
        }

        _averageSize = numbers.Length == 0 ? 0 : (double)total / (double)numbers.Length;
    }

    /// <summary>Whether every term can be answered here (see the class summary); otherwise the search goes to FTS5.</summary>
    public static bool CanAnswer(IReadOnlyList<string> terms) =>
        terms.All(t => t.Length > 0 && t.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')));

    /// <summary>
    /// The claims containing every term as a prefix of one of their tokens, in number order, with bm25 ranks when
    /// <paramref name="ranked"/>. Terms must pass <see cref="CanAnswer"/>.
    /// </summary>
    // AggressiveOptimization: this walk over every posting of a prefix is the whole cost of a search that matches most
    // claims. Left to tiering, it runs for the first ~20 s of a process in dynamic PGO's instrumented tier (counters on
    // every loop edge), at 2–3× its optimized time: 20–37 ms instead of ~10 ms a search at 100k claims (2026-12-03,
    // docs/performance.md "Search at 100k claims"). Jitted optimized on first call instead, without PGO, which an array walk
    // does not need.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SearchHits Search(IReadOnlyList<string> terms, bool ranked)
    {
        if (terms.Count == 0 || !CanAnswer(terms))
        {
            throw new ArgumentException("Only terms that pass CanAnswer can be searched in memory.", nameof(terms));
        }

        var n = _numbers.Length;
        var frequencies = new int[terms.Count][];
        var matching = new long[terms.Count]; // nHit: documents matching each phrase, in the whole table
        try
        {
            for (var p = 0; p < terms.Count; p++)
            {
                var frequency = frequencies[p] = ArrayPool<int>.Shared.Rent(n);
                Array.Clear(frequency, 0, n);
                var (from, to) = PrefixRange(terms[p]);
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
                count += MatchesAll(frequencies, d) ? 1 : 0;
            }

            var idf = new double[terms.Count];
            for (var p = 0; p < terms.Count; p++)
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
                if (!MatchesAll(frequencies, d))
                {
                    continue;
                }

                numbers[k] = _numbers[d];
                ranks[k++] = ranked ? Bm25(frequencies, idf, d) : 0.0;
            }

            return new SearchHits(numbers, ranks);
        }
        finally
        {
            foreach (var frequency in frequencies.Where(f => f is not null))
            {
                ArrayPool<int>.Shared.Return(frequency);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per document from Search (see there)
    private static bool MatchesAll(int[][] frequencies, int document)
    {
        foreach (var frequency in frequencies)
        {
            if (frequency[document] == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>fts5Bm25Function for one row, written in its order of operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per hit from Search (see there)
    private double Bm25(int[][] frequencies, double[] idf, int document)
    {
        var size = (double)_sizes[document];
        var score = 0.0;
        for (var p = 0; p < frequencies.Length; p++)
        {
            var f = (double)frequencies[p][document];
            score += idf[p] * ((f * (K1 + 1.0)) / (f + (K1 * (1 - B + (B * size / _averageSize)))));
        }

        return -1.0 * score;
    }

    /// <summary>The run of terms that start with <paramref name="prefix"/> (ordinal order keeps them together).</summary>
    private (int From, int To) PrefixRange(string prefix)
    {
        var from = LowerBound(prefix);
        var to = from;
        while (to < _terms.Length && _terms[to].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }

        return (from, to);
    }

    private int LowerBound(string value)
    {
        var (low, high) = (0, _terms.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_terms[middle], value) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Writes the index into a built store from <paramref name="postings"/> (see <see cref="SearchPostings"/>: FTS5's own
    /// tokens, tokenized here and checked against FTS5's counts, or read back from FTS5). A column's weight is the one
    /// bm25 gives it (<see cref="ClaimSearch.Columns"/>), so a document's frequency for a term is bm25's aFreq for it, and a
    /// document's size is its token count (xColumnSize(-1)). <paramref name="documents"/> are every FTS5 row, in rowid order.
    /// </summary>
    public static void Write(SqliteConnection connection, IReadOnlyList<SearchDocument> documents, SearchPostings postings)
    {
        using var transaction = connection.BeginTransaction();
        postings = SearchPostings.Complete(postings, connection, transaction, documents);
        Execute(connection, transaction, $"CREATE TABLE {PostingsTable} (term TEXT NOT NULL, documents BLOB NOT NULL, frequencies BLOB NOT NULL)");
        Execute(connection, transaction, $"CREATE TABLE {DocumentsTable} (numbers BLOB NOT NULL, sizes BLOB NOT NULL)");

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {PostingsTable} (term, documents, frequencies) VALUES ($term, $documents, $frequencies)";
            var (term, documentBlob, frequencyBlob) = (insert.Parameters.Add("$term", SqliteType.Text), insert.Parameters.Add("$documents", SqliteType.Blob), insert.Parameters.Add("$frequencies", SqliteType.Blob));
            insert.Prepare();
            var (documentBytes, frequencyBytes) = (new ArrayBufferWriter<byte>(), new ArrayBufferWriter<byte>());
            foreach (var (text, positions, frequencies) in postings.Terms())
            {
                documentBytes.Clear();
                frequencyBytes.Clear();
                var previous = -1;
                for (var k = 0; k < positions.Count; k++)
                {
                    WriteVarint(documentBytes, positions[k] - previous);
                    WriteVarint(frequencyBytes, frequencies[k]);
                    previous = positions[k];
                }

                (term.Value, documentBlob.Value, frequencyBlob.Value) = (text, documentBytes.WrittenSpan.ToArray(), frequencyBytes.WrittenSpan.ToArray());
                insert.ExecuteNonQuery();
            }
        }

        using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"INSERT INTO {DocumentsTable} (numbers, sizes) VALUES ($numbers, $sizes)";
            var numberBytes = new ArrayBufferWriter<byte>();
            var sizeBytes = new ArrayBufferWriter<byte>();
            for (var d = 0; d < documents.Count; d++)
            {
                WriteVarint(numberBytes, documents[d].Number - (d == 0 ? 0 : documents[d - 1].Number));
                WriteVarint(sizeBytes, postings.Sizes[d]);
            }

            info.Parameters.Add("$numbers", SqliteType.Blob).Value = numberBytes.WrittenSpan.ToArray();
            info.Parameters.Add("$sizes", SqliteType.Blob).Value = sizeBytes.WrittenSpan.ToArray();
            info.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Reads the index a store was built with (one row per term; ~0.3 s at 100k synthetic claims).</summary>
    public static async Task<SearchIndex> LoadAsync(DbConnection connection, CancellationToken ct)
    {
        int[] numbers, sizes;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT numbers, sizes FROM {DocumentsTable}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidDataException($"The store has no {DocumentsTable} row.");
            }

            numbers = ReadVarints((byte[])reader.GetValue(0), deltas: true);
            sizes = ReadVarints((byte[])reader.GetValue(1), deltas: false);
        }

        var (terms, documents, frequencies) = (new List<string>(), new List<int[]>(), new List<int[]>());
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT term, documents, frequencies FROM {PostingsTable}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                terms.Add(reader.GetString(0));
                documents.Add(ReadVarints((byte[])reader.GetValue(1), deltas: true, start: -1));
                frequencies.Add(ReadVarints((byte[])reader.GetValue(2), deltas: false));
            }
        }

        return new SearchIndex([.. terms], [.. documents], [.. frequencies], numbers, sizes);
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Unsigned LEB128: seven bits a byte, low bits first, high bit set on every byte but the last.
    private static void WriteVarint(ArrayBufferWriter<byte> output, int value)
    {
        var v = (uint)value;
        var span = output.GetSpan(5);
        var i = 0;
        while (v >= 0x80)
        {
            span[i++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[i++] = (byte)v;
        output.Advance(i);
    }

    private static int[] ReadVarints(byte[] bytes, bool deltas, int start = 0)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += b < 0x80 ? 1 : 0; // one value ends at each byte without the high bit
        }

        var values = new int[count];
        var (value, shift, last, k) = (0u, 0, start, 0);
        foreach (var b in bytes)
        {
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
            if (b < 0x80)
            {
                last = deltas ? last + (int)value : (int)value;
                values[k++] = last;
                (value, shift) = (0u, 0);
            }
        }

        return values;
    }
}
