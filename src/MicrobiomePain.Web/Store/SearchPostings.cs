using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// The postings the search index (Claims' SearchIndex) is written from: for every token, the documents it is in (positions in
/// claim number order) and bm25's weighted frequency there, and every document's token count. They are read back from
/// the store's FTS5 index itself (fts5vocab), so the tokens are FTS5's own, stemmed by its porter tokenizer; an earlier
/// copy of unicode61's rules here saved about a second of ingest at 10k claims, and could not follow stemming.
/// </summary>
public sealed class SearchPostings
{
    private static readonly int[] Weights = SearchTables.Columns.Select(c => c.Weight).ToArray();

    private readonly Dictionary<string, Term> _terms = new(StringComparer.Ordinal);

    private SearchPostings(int documentCount) => Sizes = new int[documentCount];

    /// <summary>Every document's token count over all columns (FTS5's xColumnSize(-1)), by position.</summary>
    public int[] Sizes { get; }

    public int TermCount => _terms.Count;

    /// <summary>The postings of the store's whole FTS5 index, read back from fts5vocab 'row' and 'instance'.</summary>
    public static SearchPostings ReadFromFts5(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        var positions = new Dictionary<int, int>(documents.Count);
        for (var d = 0; d < documents.Count; d++)
        {
            positions.Add(documents[d].Number, d);
        }

        var read = new SearchPostings(documents.Count);
        read.AddInstances(connection, transaction, "main", SearchTables.Fts5, positions);
        return read;
    }

    /// <summary>Every term in ordinal order with its documents (positions, ascending) and weighted frequencies.</summary>
    public IEnumerable<(string Text, IReadOnlyList<int> Documents, IReadOnlyList<int> Frequencies)> Terms() =>
        _terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (IReadOnlyList<int>)t.Value.Documents, (IReadOnlyList<int>)t.Value.Frequencies));

    /// <summary>One instance of a term in a document's column: its postings and the document's size.</summary>
    private void Count(Term term, int document, int column)
    {
        term.Add(document, column);
        Sizes[document]++;
    }

    /// <summary>
    /// Adds every token of an FTS5 table (schema.table) from its fts5vocab tables: 'row' gives the terms in index order with
    /// their instance counts; 'instance' gives every token (document, column) in the same order. The term text is not read
    /// from 'instance' (decoding 20M terms took 9 s at 100k claims): each term's instance count says how many rows are its.
    /// </summary>
    private void AddInstances(SqliteConnection connection, SqliteTransaction transaction, string schema, string table, Dictionary<int, int> positions)
    {
        var vocabulary = $"temp.{table}_terms";
        var instances = $"temp.{table}_instances";
        SearchIndexWriter.Execute(connection, transaction, $"CREATE VIRTUAL TABLE {vocabulary} USING fts5vocab({schema}, {table}, row)");
        SearchIndexWriter.Execute(connection, transaction, $"CREATE VIRTUAL TABLE {instances} USING fts5vocab({schema}, {table}, instance)");
        var terms = new List<(string Text, long Documents, long Instances)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT term, doc, cnt FROM {vocabulary}";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                terms.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var columns = string.Join(' ', SearchTables.Columns.Select((c, i) => $"WHEN '{c.Name}' THEN {i}"));
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, $"SELECT doc, CASE col {columns} END FROM {instances}", out var statement));
        using (statement)
        {
            foreach (var (text, documentCount, instanceCount) in terms)
            {
                if (!_terms.TryGetValue(text, out var term))
                {
                    _terms.Add(text, term = new Term());
                }

                var seen = 0;
                var previous = -1;
                for (long k = 0; k < instanceCount; k++)
                {
                    if (raw.sqlite3_step(statement) != raw.SQLITE_ROW)
                    {
                        throw new InvalidDataException($"fts5vocab 'instance' ended inside the term \"{text}\".");
                    }

                    var number = raw.sqlite3_column_int(statement, 0);
                    var column = raw.sqlite3_column_int(statement, 1);
                    var document = positions[number];
                    seen += document != previous ? 1 : 0;
                    previous = document;
                    Count(term, document, column);
                }

                if (seen != documentCount)
                {
                    throw new InvalidDataException($"The term \"{text}\" is in {documentCount} rows by fts5vocab 'row' and {seen} by 'instance'.");
                }
            }

            var rc = raw.sqlite3_step(statement);
            Check(handle, rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc == raw.SQLITE_ROW ? raw.SQLITE_CORRUPT : rc);
        }

        SearchIndexWriter.Execute(connection, transaction, $"DROP TABLE {instances}");
        SearchIndexWriter.Execute(connection, transaction, $"DROP TABLE {vocabulary}");
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    /// <summary>One token's postings while they are collected: fts5vocab 'instance' gives a document's instances together,
    /// in document order.</summary>
    private sealed class Term
    {
        public List<int> Documents { get; } = [];

        public List<int> Frequencies { get; } = [];

        public void Add(int document, int column)
        {
            if (Documents.Count == 0 || Documents[^1] != document)
            {
                Documents.Add(document);
                Frequencies.Add(0);
            }

            CollectionsMarshal.AsSpan(Frequencies)[^1] += Weights[column];
        }
    }
}
