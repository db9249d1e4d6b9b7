using System.Buffers;
using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// The store-build half of search: the FTS5 table and its rows, then the tables Claims' SearchIndex is loaded from
/// (postings read back from FTS5, the documents' numbers and sizes, the vocabulary with FTS5's tokens).
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>
    /// The text of every claim's row in the FTS5 table, in claim number order: one string per column of
    /// <see cref="SearchTables.Columns"/> (title, summary, evidence, caveats, the titles of its sources).
    /// </summary>
    public static IReadOnlyList<SearchDocument> Documents(StoreRows rows)
    {
        var text = rows.SearchText.ToDictionary(t => t.ClaimNumber);
        var sourceTitles = rows.Sources.ToDictionary(s => s.Key, s => s.Title);
        var sources = rows.ClaimSources.ToLookup(s => s.ClaimNumber, s => sourceTitles[s.SourceKey]);
        return rows.Claims.OrderBy(c => c.Number).Select(claim => new SearchDocument(
            claim.Number,
            [claim.Title, claim.SummaryText, text[claim.Number].Evidence, text[claim.Number].Caveats, string.Join(' ', sources[claim.Number])]))
            .ToList();
    }

    /// <summary>Creates the FTS5 table and fills it with <paramref name="documents"/> (see <see cref="Documents"/>), in the connection's transaction.</summary>
    public static void CreateIndex(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
        CreateTable(connection, transaction, SearchTables.Fts5, documents);

    /// <summary>Creates an FTS5 table with the store's columns and tokenizer and inserts the documents (rowid = claim number).</summary>
    internal static void CreateTable(SqliteConnection connection, SqliteTransaction transaction, string name, IEnumerable<SearchDocument> documents)
    {
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = $"CREATE VIRTUAL TABLE {name} USING fts5({SearchTables.ColumnList}, tokenize = '{SearchTables.Tokenizer}')";
        create.ExecuteNonQuery();

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {name} (rowid, {SearchTables.ColumnList}) VALUES ($rowid, {string.Join(", ", SearchTables.Columns.Select((_, c) => $"$c{c}"))})";
        var rowid = insert.Parameters.Add("$rowid", SqliteType.Integer);
        var columns = SearchTables.Columns.Select((_, c) => insert.Parameters.Add($"$c{c}", SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var document in documents)
        {
            rowid.Value = document.Number;
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Value = document.Columns[c];
            }

            insert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Writes the index into a built store from FTS5's own tokens, read back from the store's committed FTS5 table (see
    /// <see cref="SearchPostings"/>), and the content's synonym sets with FTS5's token for each word. A column's weight is the one
    /// bm25 gives it (<see cref="SearchTables.Columns"/>), so a document's frequency for a term is bm25's aFreq for it, and a
    /// document's size is its token count (xColumnSize(-1)). <paramref name="documents"/> are every FTS5 row, in rowid order.
    /// </summary>
    public static void Write(SqliteConnection connection, IReadOnlyList<SearchDocument> documents, IReadOnlyList<SynonymSet> vocabulary)
    {
        using var transaction = connection.BeginTransaction();
        var postings = SearchPostings.ReadFromFts5(connection, transaction, documents);
        WriteVocabulary(connection, transaction, vocabulary);
        Execute(connection, transaction, $"CREATE TABLE {SearchTables.Postings} (term TEXT NOT NULL, documents BLOB NOT NULL, frequencies BLOB NOT NULL)");
        Execute(connection, transaction, $"CREATE TABLE {SearchTables.Documents} (numbers BLOB NOT NULL, sizes BLOB NOT NULL)");

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {SearchTables.Postings} (term, documents, frequencies) VALUES ($term, $documents, $frequencies)";
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
            info.CommandText = $"INSERT INTO {SearchTables.Documents} (numbers, sizes) VALUES ($numbers, $sizes)";
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

    /// <summary>One row per term of content/vocabulary.yml: its set, its text, its words and FTS5's token for each word.</summary>
    private static void WriteVocabulary(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SynonymSet> vocabulary)
    {
        Execute(connection, transaction, $"CREATE TABLE {SearchTables.Vocabulary} (set_number INTEGER NOT NULL, term TEXT NOT NULL, words TEXT NOT NULL, tokens TEXT NOT NULL)");
        var terms = vocabulary.SelectMany((set, s) => set.Terms.Select(t => (Set: s, Text: t, Words: SearchVocabularyParser.WordsOf(t)))).ToList();
        var words = terms.SelectMany(t => t.Words).Distinct(StringComparer.Ordinal).ToList();
        var tokens = SearchTokens.Of(connection, transaction, words).Select((t, i) => (words[i], t)).ToDictionary(x => x.Item1, x => x.t.Length == 1 ? x.t[0] : "");
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {SearchTables.Vocabulary} (set_number, term, words, tokens) VALUES ($set, $term, $words, $tokens)";
        var (set, term, wordList, tokenList) = (insert.Parameters.Add("$set", SqliteType.Integer), insert.Parameters.Add("$term", SqliteType.Text), insert.Parameters.Add("$words", SqliteType.Text), insert.Parameters.Add("$tokens", SqliteType.Text));
        foreach (var t in terms)
        {
            (set.Value, term.Value, wordList.Value, tokenList.Value) = (t.Set, t.Text, string.Join(' ', t.Words), string.Join(' ', t.Words.Select(w => tokens[w])));
            insert.ExecuteNonQuery();
        }
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
}
