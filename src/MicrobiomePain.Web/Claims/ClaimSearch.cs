using System.Net;
using MicrobiomePain.Web.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>Highlighted, HTML-safe title and snippet for one claim in a search result.</summary>
public sealed record SearchHighlight(string TitleHtml, string SnippetHtml);

/// <summary>
/// What a search found: the query that was run, its hits, and whether no claim had all the words so the claims with any
/// of them were taken instead (<see cref="Fallback"/>).
/// </summary>
public sealed record SearchOutcome(SearchQuery Query, SearchHits Hits, bool Fallback);

/// <summary>
/// Full-text search over the FTS5 index built with the store. User text never reaches FTS5 syntax: it is split into words
/// (letters and digits only, <see cref="SearchWords"/>), each word is quoted as an FTS5 string, and the expression is
/// passed as a SQL parameter. So `"`, `*`, `NEAR(`, `AND`, `-` or `col:` are searched as text.
/// </summary>
public static partial class ClaimSearch
{
    public const string Table = SearchTables.Fts5;
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    // Private-use characters mark matches inside FTS5's output; they cannot occur in content that went through HTML encoding.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    /// <summary>The words a search looks for (see <see cref="SearchWords.Of"/>).</summary>
    public static IReadOnlyList<string> Terms(string query) => SearchWords.Of(query);

    /// <summary>The relevance rank: bm25 with the columns weighted title 10, summary 3, evidence 2, caveats 2, sources 1.</summary>
    public static readonly string Rank = $"bm25({Table}, {string.Join(", ", SearchTables.Columns.Select(c => c.Weight.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))})";

    /// <summary>
    /// The query for a reader's words: FTS5's tokens for them (remembered per store version) and the vocabulary's synonyms.
    /// The store is asked only for words not seen before in this version, so a repeated word costs no connection.
    /// </summary>
    public static SearchQuery Query(ClaimStoreContext db, SearchIndex index, IReadOnlyList<string> words)
    {
        var tokens = index.TokenOf(words, unknown =>
        {
            db.Database.OpenConnection();
            try
            {
                return SearchTokens.Of((SqliteConnection)db.Database.GetDbConnection(), null, unknown);
            }
            finally
            {
                db.Database.CloseConnection();
            }
        });
        return SearchQuery.For(words, tokens, index.Vocabulary);
    }

    /// <summary>
    /// The filter's search, or null when not searching: every word (or a synonym) in a claim; when no claim has them all,
    /// the claims with any of them, flagged as the fallback. Answered by the store's in-memory <see cref="SearchIndex"/>,
    /// or by FTS5 (<see cref="AllHitsAsync"/>) for a word FTS5 reads as more than one token; both give the same hits and ranks.
    /// </summary>
    public static async Task<SearchOutcome?> HitsAsync(ClaimStoreContext db, SearchIndex index, ClaimFilter filter, CancellationToken ct)
    {
        if (filter.Query is null)
        {
            return null;
        }

        if (filter.Terms.Count == 0)
        {
            return new SearchOutcome(new SearchQuery([], false), SearchHits.None, false); // only punctuation: no words to find
        }

        var ranked = filter.Sort == ClaimSort.Relevance;
        var query = Query(db, index, filter.Terms);
        var hits = await AnswerAsync(db, index, query, ranked, ct);
        if (hits.Count > 0 || query.Groups.Count < 2)
        {
            return new SearchOutcome(query, hits, false);
        }

        var any = query with { AnyGroup = true };
        return new SearchOutcome(any, await AnswerAsync(db, index, any, ranked, ct), true);
    }

    private static async Task<SearchHits> AnswerAsync(ClaimStoreContext db, SearchIndex index, SearchQuery query, bool ranked, CancellationToken ct) =>
        query.InMemory ? index.Search(query, ranked) : await AllHitsAsync(db, query, ranked, ct);

    /// <summary>
    /// Every hit of a query from FTS5 itself (one query). The bm25 rank is computed only when <paramref name="ranked"/>;
    /// other sorts order the hits by the claims' own columns.
    /// </summary>
    public static async Task<SearchHits> AllHitsAsync(ClaimStoreContext db, SearchQuery query, bool ranked, CancellationToken ct)
    {
        if (query.Groups.Count == 0)
        {
            return SearchHits.None;
        }

        // Read with a plain data reader: at 100k claims a search that matches nearly every claim returns ~100k rows, and
        // materialising them through EF took about 40 ms of a 200 ms search.
        var sql = $"SELECT rowid, {(ranked ? Rank : "0.0")} FROM {Table} WHERE {Table} MATCH $match";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$match";
            parameter.Value = query.MatchExpression;
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
    /// Highlighted titles and snippets for the claims on one page of results, for the query that found them (so stemmed
    /// words and synonyms are marked too). FTS5's highlight() and snippet() look only at the row they are given, so the
    /// page's rows are copied into a temporary FTS5 table of the same shape and matched there: the same output as matching
    /// the whole table, without its cost (a match over 100k claims took 17 ms; a rowid constraint made FTS5 run the prefix
    /// merge once per listed claim, 180 ms). The copy lives in the connection's temp schema: the table is made once per
    /// connection (a pooled connection keeps it; making it took 2 ms a page), and the copy is made inside a transaction
    /// that is always rolled back, so the table is empty again whatever happens.
    /// </summary>
    public static async Task<Dictionary<int, SearchHighlight>> HighlightsAsync(
        ClaimStoreContext db, SearchQuery query, IReadOnlyCollection<int> numbers, CancellationToken ct)
    {
        if (query.Groups.Count == 0 || numbers.Count == 0)
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
                    .FromSqlRaw(PageHighlights, Open.ToString(), Close.ToString(), query.MatchExpression)
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
    private static readonly string CreatePageTable = $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{PageTable} USING fts5({SearchTables.ColumnList}, tokenize = '{SearchTables.Tokenizer}')";
    private static readonly string CopyPage = $"INSERT INTO temp.{PageTable} (rowid, {SearchTables.ColumnList}) SELECT rowid, {SearchTables.ColumnList} FROM main.{Table} WHERE rowid IN (SELECT value FROM json_each({{0}}))";
    private static readonly string PageHighlights = $"SELECT rowid AS Number, highlight({PageTable}, 0, {{0}}, {{1}}) AS Title, snippet({PageTable}, -1, {{0}}, {{1}}, '…', 16) AS Snippet FROM temp.{PageTable} WHERE {PageTable} MATCH {{2}}";

    /// <summary>HTML-encodes FTS5 output, then turns the private-use markers into &lt;mark&gt; elements.</summary>
    public static string Marked(string text) =>
        WebUtility.HtmlEncode(text).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>Describes the words searched for, for headings and the no-results state.</summary>
    public static string Describe(IReadOnlyList<string> terms) => string.Join(", ", terms.Select(t => $"“{t}”"));
}
