using System.Buffers;
using System.Data.Common;
using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Claims;

/// <summary>The search index as the store keeps it: written once at build, read once per store version.</summary>
public sealed partial class SearchIndex
{
    public const string PostingsTable = ClaimSearch.Table + "_postings";
    public const string DocumentsTable = ClaimSearch.Table + "_documents";
    public const string VocabularyTable = ClaimSearch.Table + "_vocabulary";

    /// <summary>
    /// Writes the index into a built store from FTS5's own tokens, read back from the store's committed FTS5 table (see
    /// <see cref="SearchPostings"/>), and the content's synonym sets with FTS5's token for each word. A column's weight is the one
    /// bm25 gives it (<see cref="ClaimSearch.Columns"/>), so a document's frequency for a term is bm25's aFreq for it, and a
    /// document's size is its token count (xColumnSize(-1)). <paramref name="documents"/> are every FTS5 row, in rowid order.
    /// </summary>
    public static void Write(SqliteConnection connection, IReadOnlyList<SearchDocument> documents, IReadOnlyList<SynonymSet> vocabulary)
    {
        using var transaction = connection.BeginTransaction();
        var postings = SearchPostings.ReadFromFts5(connection, transaction, documents);
        WriteVocabulary(connection, transaction, vocabulary);
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

        return new SearchIndex([.. terms], [.. documents], [.. frequencies], numbers, sizes, await LoadVocabularyAsync(connection, ct));
    }

    /// <summary>One row per term of content/vocabulary.yml: its set, its text, its words and FTS5's token for each word.</summary>
    private static void WriteVocabulary(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SynonymSet> vocabulary)
    {
        Execute(connection, transaction, $"CREATE TABLE {VocabularyTable} (set_number INTEGER NOT NULL, term TEXT NOT NULL, words TEXT NOT NULL, tokens TEXT NOT NULL)");
        var terms = vocabulary.SelectMany((set, s) => set.Terms.Select(t => (Set: s, Text: t, Words: SearchVocabularyParser.WordsOf(t)))).ToList();
        var words = terms.SelectMany(t => t.Words).Distinct(StringComparer.Ordinal).ToList();
        var tokens = SearchTokens.Of(connection, transaction, words).Select((t, i) => (words[i], t)).ToDictionary(x => x.Item1, x => x.t.Length == 1 ? x.t[0] : "");
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {VocabularyTable} (set_number, term, words, tokens) VALUES ($set, $term, $words, $tokens)";
        var (set, term, wordList, tokenList) = (insert.Parameters.Add("$set", SqliteType.Integer), insert.Parameters.Add("$term", SqliteType.Text), insert.Parameters.Add("$words", SqliteType.Text), insert.Parameters.Add("$tokens", SqliteType.Text));
        foreach (var t in terms)
        {
            (set.Value, term.Value, wordList.Value, tokenList.Value) = (t.Set, t.Text, string.Join(' ', t.Words), string.Join(' ', t.Words.Select(w => tokens[w])));
            insert.ExecuteNonQuery();
        }
    }

    private static async Task<SearchVocabulary> LoadVocabularyAsync(DbConnection connection, CancellationToken ct)
    {
        var sets = new SortedDictionary<long, List<SearchTerm>>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_number, term, words, tokens FROM {VocabularyTable} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // A word FTS5 did not read as exactly one token is stored as an empty token: only FTS5 can match it.
            var tokens = reader.GetString(3).Split(' ').Select(t => t.Length == 0 ? null : t).ToList();
            var term = new SearchTerm(reader.GetString(1), reader.GetString(2).Split(' '), tokens);
            (sets.TryGetValue(reader.GetInt64(0), out var list) ? list : sets[reader.GetInt64(0)] = []).Add(term);
        }

        return new SearchVocabulary(sets.Values.Select(s => (IReadOnlyList<SearchTerm>)s).ToList());
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
