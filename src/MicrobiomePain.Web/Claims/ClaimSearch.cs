using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>A claim matched by full-text search, with its bm25 rank (lower is better): the row of the tests' SQL oracle.</summary>
public sealed class SearchHit
{
    public int Number { get; set; }
    public double Rank { get; set; }
}

/// <summary>The title and best snippet of a matched claim, with markers around the matching words.</summary>
public sealed class SearchSnippet
{
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Snippet { get; set; }
}

/// <summary>Highlighted, HTML-safe title and snippet for one claim in a search result.</summary>
public sealed record SearchHighlight(string TitleHtml, string SnippetHtml);

/// <summary>
/// Full-text search over the FTS5 index built with the store. User text never reaches FTS5 syntax: it is split
/// into words (letters and digits only), each word is quoted as an FTS5 string and given a prefix star, and the
/// expression is passed as a SQL parameter. So `"`, `*`, `NEAR(`, `AND`, `-` or `col:` are searched as text.
/// </summary>
public static partial class ClaimSearch
{
    public const string Table = "claims_fts";
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    // Private-use characters mark matches inside FTS5's output; they cannot occur in content that went through HTML encoding.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Terms(string query) =>
        Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

    /// <summary>The MATCH expression for a filter's terms: each term quoted, prefix-matched, all required.</summary>
    public static string MatchExpression(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? "\"\"" : string.Join(' ', terms.Select(t => $"\"{t}\"*"));

    /// <summary>The FTS5 table's columns in order, each with its bm25 weight (whole numbers: see <see cref="SearchIndex"/>).</summary>
    public static readonly IReadOnlyList<(string Name, int Weight)> Columns =
        [("title", 10), ("summary", 3), ("evidence", 2), ("caveats", 2), ("sources", 1)];

    private const string Tokenizer = "unicode61 remove_diacritics 2";

    /// <summary>The relevance rank: bm25 with the columns weighted title 10, summary 3, evidence 2, caveats 2, sources 1.</summary>
    public static readonly string Rank = $"bm25({Table}, {string.Join(", ", Columns.Select(c => c.Weight.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))})";

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>
    /// Every hit of the filter's search, or null when not searching: from the store's in-memory <see cref="SearchIndex"/>
    /// when it can answer the terms, otherwise from FTS5 (<see cref="AllHitsAsync"/>). Both give the same hits and ranks.
    /// </summary>
    public static async Task<SearchHits?> HitsAsync(ClaimStoreContext db, SearchIndex index, ClaimFilter filter, CancellationToken ct) =>
        filter.Query is null ? null
        : filter.Terms.Count == 0 ? SearchHits.None // only punctuation: no words to find
        : SearchIndex.CanAnswer(filter.Terms) ? index.Search(filter.Terms, filter.Sort == ClaimSort.Relevance)
        : await AllHitsAsync(db, filter, ct);

    /// <summary>
    /// Every hit of the filter's search from FTS5 itself (one query), or null when not searching. The bm25 rank is computed
    /// only for the relevance sort; other sorts order the hits by the claims' own columns.
    /// </summary>
    public static async Task<SearchHits?> AllHitsAsync(ClaimStoreContext db, ClaimFilter filter, CancellationToken ct)
    {
        if (filter.Query is null)
        {
            return null;
        }

        if (filter.Terms.Count == 0)
        {
            return SearchHits.None; // only punctuation: no words to find
        }

        // Read with a plain data reader: at 100k claims a search that matches nearly every claim returns ~100k rows, and
        // materialising them through EF took about 40 ms of a 200 ms search.
        var sql = filter.Sort == ClaimSort.Relevance
            ? $"SELECT rowid, {Rank} FROM {Table} WHERE {Table} MATCH $match"
            : $"SELECT rowid, 0.0 FROM {Table} WHERE {Table} MATCH $match";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$match";
            parameter.Value = MatchExpression(filter.Terms);
            command.Parameters.Add(parameter);
            var (numbers, ranks) = (new List<int>(), new List<double>());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                numbers.Add(reader.GetInt32(0));
                ranks.Add(reader.GetDouble(1));
            }

            return new SearchHits([.. numbers], [.. ranks]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Highlighted titles and snippets for the claims on one page of results. FTS5's highlight() and snippet() look only at
    /// the row they are given, so the page's rows are copied into a temporary FTS5 table of the same shape and matched
    /// there: the same output as matching the whole table, without its cost (a match over 100k claims took 17 ms; a rowid
    /// constraint made FTS5 run the prefix merge once per listed claim, 180 ms). The copy lives in the connection's temp
    /// schema: the table is made once per connection (a pooled connection keeps it; making it took 2 ms a page), and the
    /// copy is made inside a transaction that is always rolled back, so the table is empty again whatever happens.
    /// </summary>
    public static async Task<Dictionary<int, SearchHighlight>> HighlightsAsync(
        ClaimStoreContext db, ClaimFilter filter, IReadOnlyCollection<int> numbers, CancellationToken ct)
    {
        if (filter.Terms.Count == 0 || numbers.Count == 0)
        {
            return [];
        }

        // EF runs the statements (so they are logged and counted like any other) on one connection.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync(CreatePageTable, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var page = System.Text.Json.JsonSerializer.Serialize(numbers);
                await db.Database.ExecuteSqlRawAsync(CopyPage, [page], ct);
                var rows = await db.Set<SearchSnippet>()
                    .FromSqlRaw(PageHighlights, Open.ToString(), Close.ToString(), MatchExpression(filter.Terms))
                    .ToListAsync(ct);
                return rows.ToDictionary(r => r.Number, r => new SearchHighlight(Marked(r.Title), Marked(r.Snippet)));
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string PageTable = "page_fts";
    private static readonly string CreatePageTable = $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{PageTable} USING fts5({ColumnList}, tokenize = '{Tokenizer}')";
    private static readonly string CopyPage = $"INSERT INTO temp.{PageTable} (rowid, {ColumnList}) SELECT rowid, {ColumnList} FROM main.{Table} WHERE rowid IN (SELECT value FROM json_each({{0}}))";
    private static readonly string PageHighlights = $"SELECT rowid AS Number, highlight({PageTable}, 0, {{0}}, {{1}}) AS Title, snippet({PageTable}, -1, {{0}}, {{1}}, '…', 16) AS Snippet FROM temp.{PageTable} WHERE {PageTable} MATCH {{2}}";

    /// <summary>HTML-encodes FTS5 output, then turns the private-use markers into &lt;mark&gt; elements.</summary>
    public static string Marked(string text) =>
        WebUtility.HtmlEncode(text).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>
    /// The text of every claim's row in the FTS5 table, in claim number order: one string per column of
    /// <see cref="Columns"/> (title, summary, evidence, caveats, the titles of its sources).
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
    public static void CreateIndex(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
        CreateTable(connection, transaction, Table, documents);

    /// <summary>Creates an FTS5 table with the store's columns and tokenizer and inserts the documents (rowid = claim number).</summary>
    internal static void CreateTable(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string name, IEnumerable<SearchDocument> documents)
    {
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = $"CREATE VIRTUAL TABLE {name} USING fts5({ColumnList}, tokenize = '{Tokenizer}')";
        create.ExecuteNonQuery();

        using var insert = new RawInsert(connection, $"INSERT INTO {name} (rowid, {ColumnList}) VALUES ({string.Join(", ", Enumerable.Repeat("?", Columns.Count + 1))})");
        foreach (var document in documents)
        {
            insert.Bind(0, document.Number);
            for (var c = 0; c < document.Columns.Length; c++)
            {
                insert.Bind(c + 1, document.Columns[c]);
            }

            insert.Execute();
        }
    }

    /// <summary>Describes the words searched for, for headings and the no-results state.</summary>
    public static string Describe(IReadOnlyList<string> terms) =>
        new StringBuilder().AppendJoin(", ", terms.Select(t => $"“{t}”")).ToString();
}
