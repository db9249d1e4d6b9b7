using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MicrobiomePain.Web.Claims;

/// <summary>One row of the FTS5 table: the claim number (its rowid) and one text per column of <see cref="ClaimSearch.Columns"/>.</summary>
public sealed record SearchDocument(int Number, string[] Columns);

/// <summary>How the postings of a store were found (see <see cref="SearchPostings"/>).</summary>
public enum PostingsSource
{
    /// <summary>Every document was tokenized here, and the result matched FTS5's counts exactly.</summary>
    Tokenized,

    /// <summary>Most documents were tokenized here; those with characters FTS5 folds were read back from FTS5.</summary>
    TokenizedAndFts5,

    /// <summary>Every token was read back from FTS5's fts5vocab 'instance' table of the whole index.</summary>
    Fts5,
}

/// <summary>
/// The postings the <see cref="SearchIndex"/> is written from: for every token, the documents it is in (positions in
/// claim number order) and bm25's weighted frequency there, and every document's token count.
/// <para>
/// Reading them back from FTS5 (fts5vocab 'instance', one row per token) costs a second or more at 10k claims: three
/// interop calls a token, 2M tokens. So the store builder tokenizes the same column texts here, on another core while
/// SQLite writes the rows, exactly as FTS5's unicode61 tokenizer does for the text it can be sure of: ASCII letters and
/// digits are token characters (A–Z lowercased), every other ASCII character separates, and so does a non-ASCII
/// space, punctuation mark, symbol, control or format character. A document holding any other character (a letter with
/// an accent, another script, a combining mark, private use) is left to FTS5, whose tables fold it: those documents
/// alone are put into a temporary FTS5 table and read back from it.
/// </para>
/// <para>
/// Nothing is trusted: before the postings are written, every (token, column)'s document and instance counts are
/// compared with FTS5's fts5vocab 'col' table and every document's per-column token counts with FTS5's own docsize
/// records, which bm25 reads. Any difference and the postings are read back from FTS5's whole index instead
/// (<see cref="PostingsSource.Fts5"/>), as before, so the index can only be as fast, never different.
/// </para>
/// </summary>
public sealed class SearchPostings
{
    private static readonly int ColumnCount = ClaimSearch.Columns.Count;
    private static readonly int[] Weights = ClaimSearch.Columns.Select(c => c.Weight).ToArray();

    private readonly Dictionary<string, Term> _terms;

    private SearchPostings(Dictionary<string, Term> terms, int documentCount)
    {
        _terms = terms;
        Sizes = new int[documentCount];
        ColumnSizes = new int[documentCount * ColumnCount];
    }

    /// <summary>Every document's token count over all columns (FTS5's xColumnSize(-1)), by position.</summary>
    public int[] Sizes { get; }

    /// <summary>Document d's token count in column c at [d * columns + c] (FTS5's docsize record).</summary>
    private int[] ColumnSizes { get; }

    /// <summary>Positions of the documents tokenized by FTS5 rather than here.</summary>
    public IReadOnlyList<int> LeftToFts5 { get; private set; } = [];

    public PostingsSource Source { get; private set; }

    public int TermCount => _terms.Count;

    /// <summary>
    /// Tokenizes every document it can (in parallel, a contiguous run of documents per core) and notes the ones it cannot.
    /// <paramref name="documents"/> are in claim number order; a document's position is its index.
    /// </summary>
    public static SearchPostings Tokenize(IReadOnlyList<SearchDocument> documents)
    {
        var parts = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, documents.Count / 500));
        var chunks = new (Dictionary<string, Term> Terms, List<int> Left)[parts];
        var result = new SearchPostings([], documents.Count);
        Parallel.For(0, parts, part =>
        {
            var (from, to) = ((int)((long)documents.Count * part / parts), (int)((long)documents.Count * (part + 1) / parts));
            var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
            var left = new List<int>();
            var token = new char[64];
            for (var d = from; d < to; d++)
            {
                if (!CanTokenize(documents[d]))
                {
                    left.Add(d);
                    continue;
                }

                for (var c = 0; c < ColumnCount; c++)
                {
                    result.AddColumn(terms, documents[d].Columns[c], d, c, ref token);
                }
            }

            chunks[part] = (terms, left);
        });

        // Chunks hold ascending, disjoint runs of documents: appending them in order keeps every list ascending.
        var left = new List<int>();
        foreach (var (terms, chunkLeft) in chunks)
        {
            left.AddRange(chunkLeft);
            foreach (var (text, term) in terms)
            {
                if (result._terms.TryGetValue(text, out var existing))
                {
                    existing.Append(term);
                }
                else
                {
                    result._terms.Add(text, term);
                }
            }
        }

        result.LeftToFts5 = left;
        result.Source = left.Count == 0 ? PostingsSource.Tokenized : PostingsSource.TokenizedAndFts5;
        return result;
    }

    /// <summary>
    /// Completes <see cref="Tokenize"/>'s postings inside a built store: reads the documents left to FTS5 back from a
    /// temporary FTS5 table of just those rows, then checks everything against the store's FTS5 index. Returns the
    /// postings to write: these, or on any difference the postings read back from the whole FTS5 index.
    /// </summary>
    public static SearchPostings Complete(SearchPostings tokenized, SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents)
    {
        var positions = Positions(documents);
        if (tokenized.LeftToFts5.Count > 0)
        {
            const string rest = "claims_fts_rest";
            ClaimSearch.CreateTable(connection, transaction, $"temp.{rest}", tokenized.LeftToFts5.Select(d => documents[d]));
            tokenized.AddInstances(connection, transaction, "temp", rest, positions);
            SearchIndex.Execute(connection, transaction, $"DROP TABLE temp.{rest}");
        }

        tokenized.SortWhereNeeded();
        if (tokenized.MatchesFts5(connection, transaction, positions))
        {
            return tokenized;
        }

        return Read(connection, transaction, documents.Count, positions);
    }

    /// <summary>The postings of the store's whole FTS5 index, read back from fts5vocab 'instance' (the slow, sure way).</summary>
    public static SearchPostings ReadFromFts5(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
        Read(connection, transaction, documents.Count, Positions(documents));

    private static SearchPostings Read(SqliteConnection connection, SqliteTransaction transaction, int documentCount, Dictionary<int, int> positions)
    {
        var read = new SearchPostings(new Dictionary<string, Term>(StringComparer.Ordinal), documentCount) { Source = PostingsSource.Fts5 };
        read.AddInstances(connection, transaction, "main", ClaimSearch.Table, positions);
        read.SortWhereNeeded();
        return read;
    }

    /// <summary>Every term in ordinal order with its documents (positions, ascending) and weighted frequencies.</summary>
    public IEnumerable<(string Text, IReadOnlyList<int> Documents, IReadOnlyList<int> Frequencies)> Terms() =>
        _terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (IReadOnlyList<int>)t.Value.Documents, (IReadOnlyList<int>)t.Value.Frequencies));

    /// <summary>Whether FTS5's unicode61 tokenizer would read every character of the document as this class does.</summary>
    private static bool CanTokenize(SearchDocument document)
    {
        foreach (var column in document.Columns)
        {
            var span = column.AsSpan();
            var i = span.IndexOfAnyExceptInRange('\0', '\x7F');
            while (i >= 0)
            {
                if (!IsSeparator(span[i]))
                {
                    return false;
                }

                var next = span[(i + 1)..].IndexOfAnyExceptInRange('\0', '\x7F');
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        return true;
    }

    /// <summary>
    /// A non-ASCII character unicode61 separates tokens at. Its categories make "L* N* Co" token characters and everything
    /// else a separator, but from its own tables, which are older than .NET's: a symbol assigned in a later Unicode version
    /// (U+20BA, U+2B4D, U+2E3C...) is a token character to it. So only blocks whose punctuation and symbols are all older
    /// are taken, and in them only characters .NET files under a separating category; marks, letters, digits, private use,
    /// surrogates and everything else send the document to FTS5. SearchPostingsTests check every character this accepts
    /// against FTS5 itself, and every build checks its counts (<see cref="SearchPostings"/>).
    /// </summary>
    internal static bool IsSeparator(char c) => InOldBlock(c) && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };

    // Latin-1 to Armenian, general punctuation, currency (to U+20B9), letterlike and number forms, arrows, mathematical and
    // technical symbols, box drawing, shapes, dingbats, supplemental punctuation, CJK punctuation, small and fullwidth forms.
    private static readonly (char From, char To)[] OldBlocks =
    [
        ('\u0080', '\u058C'), ('\u2000', '\u2065'), ('\u206A', '\u209F'), ('\u20A0', '\u20B9'), ('\u2100', '\u2189'),
        ('\u2190', '\u23F3'), ('\u2400', '\u2426'), ('\u2440', '\u244A'), ('\u2460', '\u26FF'), ('\u2701', '\u27FF'),
        ('\u2900', '\u2B4C'), ('\u2B50', '\u2B59'), ('\u2E00', '\u2E3B'), ('\u3000', '\u303F'), ('\uFE10', '\uFE19'),
        ('\uFE30', '\uFE6B'), ('\uFF00', '\uFF65'),
    ];

    private static bool InOldBlock(char c)
    {
        foreach (var (from, to) in OldBlocks)
        {
            if (c >= from && c <= to)
            {
                return true;
            }
        }

        return false;
    }

    private void AddColumn(Dictionary<string, Term> terms, string text, int document, int column, ref char[] token)
    {
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsAsciiTokenChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsAsciiTokenChar(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length == 0)
            {
                break;
            }

            if (length > token.Length)
            {
                token = new char[Math.Max(length, token.Length * 2)];
            }

            for (var k = 0; k < length; k++)
            {
                var ch = text[start + k];
                token[k] = ch is >= 'A' and <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
            }

            var key = token.AsSpan(0, length);
            if (!lookup.TryGetValue(key, out var term))
            {
                term = new Term();
                lookup[key] = term;
            }

            Count(term, document, column);
        }
    }

    /// <summary>One instance of a term in a document's column: its postings and the document's sizes.</summary>
    private void Count(Term term, int document, int column)
    {
        term.Add(document, column);
        Sizes[document]++;
        ColumnSizes[(document * ColumnCount) + column]++;
    }

    private static bool IsAsciiTokenChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// Adds every token of an FTS5 table (schema.table) from its fts5vocab tables: 'row' gives the terms in index order with
    /// their instance counts; 'instance' gives every token (document, column) in the same order. The term text is not read
    /// from 'instance' (decoding 20M terms took 9 s at 100k claims): each term's instance count says how many rows are its.
    /// </summary>
    private void AddInstances(SqliteConnection connection, SqliteTransaction transaction, string schema, string table, Dictionary<int, int> positions)
    {
        var vocabulary = $"temp.{table}_terms";
        var instances = $"temp.{table}_instances";
        SearchIndex.Execute(connection, transaction, $"CREATE VIRTUAL TABLE {vocabulary} USING fts5vocab({schema}, {table}, row)");
        SearchIndex.Execute(connection, transaction, $"CREATE VIRTUAL TABLE {instances} USING fts5vocab({schema}, {table}, instance)");
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

        var columns = string.Join(' ', ClaimSearch.Columns.Select((c, i) => $"WHEN '{c.Name}' THEN {i}"));
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

        SearchIndex.Execute(connection, transaction, $"DROP TABLE {instances}");
        SearchIndex.Execute(connection, transaction, $"DROP TABLE {vocabulary}");
    }

    private void SortWhereNeeded()
    {
        foreach (var term in _terms.Values)
        {
            term.SortIfNeeded();
        }
    }

    /// <summary>
    /// Whether these postings are FTS5's: per (term, column) the same document and instance counts as fts5vocab 'col', and
    /// per document the same token count in every column as FTS5's docsize record (what bm25's xColumnSize reads).
    /// </summary>
    private bool MatchesFts5(SqliteConnection connection, SqliteTransaction transaction, Dictionary<int, int> positions)
    {
        var vocabulary = $"temp.{ClaimSearch.Table}_columns";
        SearchIndex.Execute(connection, transaction, $"CREATE VIRTUAL TABLE {vocabulary} USING fts5vocab(main, {ClaimSearch.Table}, col)");
        try
        {
            var columnIndex = ClaimSearch.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
            var pairs = 0L;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"SELECT term, col, doc, cnt FROM {vocabulary}";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    if (!_terms.TryGetValue(reader.GetString(0), out var term) || !columnIndex.TryGetValue(reader.GetString(1), out var c)
                        || term.ColumnDocuments[c] != reader.GetInt64(2) || term.ColumnInstances[c] != reader.GetInt64(3))
                    {
                        return false;
                    }

                    pairs++;
                }
            }

            if (pairs != _terms.Values.Sum(t => t.ColumnDocuments.Count(n => n > 0)))
            {
                return false;
            }

            var checkedDocuments = 0;
            using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = $"SELECT id, sz FROM main.{ClaimSearch.Table}_docsize";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    if (!positions.TryGetValue(reader.GetInt32(0), out var d) || !DocsizeEquals((byte[])reader.GetValue(1), d))
                    {
                        return false;
                    }

                    checkedDocuments++;
                }
            }

            return checkedDocuments == Sizes.Length;
        }
        finally
        {
            SearchIndex.Execute(connection, transaction, $"DROP TABLE {vocabulary}");
        }
    }

    /// <summary>A docsize record is one SQLite varint (big-endian, seven bits a byte, high bit = more) per column.</summary>
    private bool DocsizeEquals(byte[] record, int document)
    {
        var (i, c) = (0, 0);
        for (; c < ColumnCount && i < record.Length; c++)
        {
            long value = 0;
            for (var n = 0; n < 9; n++)
            {
                var b = record[i++];
                value = n == 8 ? (value << 8) | b : (value << 7) | (uint)(b & 0x7F);
                if (b < 0x80 || n == 8 || i == record.Length)
                {
                    break;
                }
            }

            if (value != ColumnSizes[(document * ColumnCount) + c])
            {
                return false;
            }
        }

        return c == ColumnCount && i == record.Length;
    }

    private static Dictionary<int, int> Positions(IReadOnlyList<SearchDocument> documents)
    {
        var positions = new Dictionary<int, int>(documents.Count);
        for (var d = 0; d < documents.Count; d++)
        {
            positions.Add(documents[d].Number, d);
        }

        return positions;
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    /// <summary>One token's postings while they are collected.</summary>
    private sealed class Term
    {
        private readonly int[] _lastColumnDocument = Enumerable.Repeat(-1, ColumnCount).ToArray();
        private bool _unsorted;

        public List<int> Documents { get; } = [];

        public List<int> Frequencies { get; } = [];

        public long[] ColumnDocuments { get; } = new long[ColumnCount];

        public long[] ColumnInstances { get; } = new long[ColumnCount];

        /// <summary>One instance of the token in a document's column; a document's instances come together.</summary>
        public void Add(int document, int column)
        {
            if (Documents.Count == 0 || Documents[^1] != document)
            {
                _unsorted |= Documents.Count > 0 && Documents[^1] > document;
                Documents.Add(document);
                Frequencies.Add(0);
            }

            CollectionsMarshal.AsSpan(Frequencies)[^1] += Weights[column];
            ColumnInstances[column]++;
            if (_lastColumnDocument[column] != document)
            {
                _lastColumnDocument[column] = document;
                ColumnDocuments[column]++;
            }
        }

        /// <summary>Appends the postings of a later run of documents.</summary>
        public void Append(Term later)
        {
            _unsorted |= Documents.Count > 0 && later.Documents.Count > 0 && later.Documents[0] <= Documents[^1];
            Documents.AddRange(later.Documents);
            Frequencies.AddRange(later.Frequencies);
            for (var c = 0; c < ColumnCount; c++)
            {
                ColumnDocuments[c] += later.ColumnDocuments[c];
                ColumnInstances[c] += later.ColumnInstances[c];
                _lastColumnDocument[c] = Math.Max(_lastColumnDocument[c], later._lastColumnDocument[c]);
            }
        }

        public void SortIfNeeded()
        {
            if (!_unsorted)
            {
                return;
            }

            var documents = Documents.ToArray();
            var frequencies = Frequencies.ToArray();
            Array.Sort(documents, frequencies);
            Documents.Clear();
            Frequencies.Clear();
            Documents.AddRange(documents);
            Frequencies.AddRange(frequencies);
            _unsorted = false;
        }
    }
}
