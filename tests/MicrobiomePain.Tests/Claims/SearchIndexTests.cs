using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Commands;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicrobiomePain.Tests.Claims;

/// <summary>
/// The in-memory <see cref="SearchIndex"/> must give exactly what FTS5 gives: the same claims and the same bm25 ranks, bit
/// for bit, so relevance order cannot move. Checked for every token of the shipped content and of 2,000 generated claims
/// (as a whole word, as 1–3 letter prefixes, and in pairs and triples), against <see cref="ClaimSearch.AllHitsAsync"/>,
/// which asks FTS5 itself. The page highlights from the page's own rows must equal FTS5's over the whole table.
/// </summary>
public sealed class SearchIndexTests : IClassFixture<SearchIndexTests.Stores>
{
    public sealed class Stores : IDisposable
    {
        private readonly string _synthetic = Path.Combine(Path.GetTempPath(), "mp-search-" + Guid.NewGuid().ToString("N"));

        public Stores()
        {
            Shipped = new ClaimStore(TestContent.Shipped(), Path.Combine(_synthetic, "shipped-store"), NullLogger<ClaimStore>.Instance).Refresh();
            SyntheticContent.Write(2000, Path.Combine(_synthetic, "content"), TextWriter.Null);
            Synthetic = new ClaimStore(Path.Combine(_synthetic, "content"), Path.Combine(_synthetic, "store"), NullLogger<ClaimStore>.Instance).Refresh();
        }

        public StoreVersion Shipped { get; }

        public StoreVersion Synthetic { get; }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_synthetic, recursive: true);
        }
    }

    private readonly Stores _stores;

    public SearchIndexTests(Stores stores) => _stores = stores;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("shipped")]
    [InlineData("synthetic")]
    public async Task Every_token_prefix_synonym_and_combination_gives_fts5s_hits_and_ranks_bit_for_bit(string store)
    {
        await using var db = ClaimStoreContext.For(store == "shipped" ? _stores.Shipped : _stores.Synthetic);
        var index = (await ClaimIndex.ForAsync(db, Ct)).Search;
        var tokens = (await TokensAsync(db)).Where(t => t.All(char.IsAsciiLetterOrDigit)).ToList();
        Assert.True(tokens.Count > (store == "shipped" ? 500 : 40), $"{tokens.Count} tokens");

        // Searches as readers type them: every token as a word, its 1–3 letter prefixes, 200 random pairs and triples, the
        // vocabulary's terms (so synonym groups, OR and AND inside OR), and plurals and accents FTS5 folds.
        var searches = new List<string>();
        searches.AddRange(tokens);
        searches.AddRange(tokens.SelectMany(t => new[] { t[..1], t[..Math.Min(2, t.Length)], t[..Math.Min(3, t.Length)] }).Distinct());
        var random = new Random(17);
        for (var i = 0; i < 200; i++)
        {
            searches.Add(string.Join(' ', Enumerable.Range(0, 2 + random.Next(2)).Select(_ => tokens[random.Next(tokens.Count)]).Select(t => random.Next(3) == 0 ? t[..Math.Min(4, t.Length)] : t)));
        }

        var terms = index.Vocabulary.Sets.SelectMany(s => s).Select(t => t.Text).ToList();
        searches.AddRange(terms);
        searches.AddRange(terms.Select(t => $"{t} pain"));
        searches.AddRange(["probiotic trial", "antibiotics", "faecal transplants", "gut bacteria pain", "Émile", "zzzz", "IBS FMT stool", "mice rats"]);
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var search in searches.Distinct())
        {
            var words = ClaimSearch.Terms(search);
            var all = ClaimSearch.Query(db, index, words);
            foreach (var query in new[] { all, all with { AnyGroup = true } }.Where(q => q.InMemory))
            {
                var fts = await ClaimSearch.AllHitsAsync(db, query, ranked: true, Ct);
                var memory = index.Search(query, ranked: true);
                compared += fts.Count;
                if (!fts.Numbers.SequenceEqual(memory.Numbers)
                    || !fts.Ranks.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(memory.Ranks.Select(BitConverter.DoubleToInt64Bits)))
                {
                    mismatches.Add($"{query.MatchExpression}: FTS5 {fts.Count} hits, memory {memory.Count}");
                }

                Assert.Equal(fts.Numbers, index.Search(query, ranked: false).Numbers);
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.True(compared > 1000, $"only {compared} hits compared");
    }

    [Fact]
    public async Task A_readers_words_are_stemmed_and_folded_by_fts5_itself()
    {
        await using var db = ClaimStoreContext.For(_stores.Shipped);
        var index = (await ClaimIndex.ForAsync(db, Ct)).Search;
        var query = ClaimSearch.Query(db, index, ["antibiotics", "émile", "randomised"]);

        Assert.Equal(["antibiot", "emil", "randomis"], query.Groups.Select(g => g.Alternatives[0].Phrases[0].Token));
        Assert.True(query.InMemory);
    }

    [Theory]
    [InlineData("shipped", "probiotics")]
    [InlineData("shipped", "pain gut")]
    [InlineData("shipped", "m")]
    [InlineData("shipped", "FMT")]
    [InlineData("shipped", "does diet help")]
    [InlineData("synthetic", "probiotic trial")]
    [InlineData("synthetic", "synthetic claim")]
    public async Task Highlights_from_the_pages_own_rows_equal_fts5s_over_the_whole_table(string store, string query)
    {
        await using var db = ClaimStoreContext.For(store == "shipped" ? _stores.Shipped : _stores.Synthetic);
        var filter = ClaimFilter.All with { Query = query, Terms = ClaimSearch.Terms(query) };
        var selection = await ClaimQuery.SelectAsync(db, filter, 0, ClaimFilter.PageSize, Ct);
        var page = selection.Numbers;
        Assert.NotEmpty(page);

        // The test holds the connection open, so every statement below runs on the one physical connection HighlightsAsync
        // used: after close and reopen, the pool may hand back another one, without the temporary table.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        var highlights = await ClaimSearch.HighlightsAsync(db, selection.Search!.Query, page, Ct);

        // The statement the site ran before: highlight() and snippet() while matching the whole table.
        var match = selection.Search.Query.MatchExpression;
        var expected = new Dictionary<int, (string, string)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rowid, highlight(claims_fts, 0, char(57344), char(57345)), snippet(claims_fts, -1, char(57344), char(57345), '…', 16) FROM claims_fts WHERE claims_fts MATCH $match";
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$match", match));
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                if (page.Contains(reader.GetInt32(0)))
                {
                    expected[reader.GetInt32(0)] = (ClaimSearch.Marked(reader.GetString(1)), ClaimSearch.Marked(reader.GetString(2)));
                }
            }
        }

        Assert.Equal(page.Order(), highlights.Keys.Order());
        Assert.All(page, n => Assert.Equal(expected[n], (highlights[n].TitleHtml, highlights[n].SnippetHtml)));
        Assert.Contains("<mark>", highlights[page[0]].SnippetHtml + highlights[page[0]].TitleHtml, StringComparison.Ordinal);

        // The page's copy is rolled back: the connection's page table is empty again.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM temp.page_fts";
            Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
        }

        await db.Database.CloseConnectionAsync();
    }

    private static async Task<List<string>> TokensAsync(ClaimStoreContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.tokens USING fts5vocab(main, claims_fts, row)";
            await command.ExecuteNonQueryAsync(Ct);
            command.CommandText = "SELECT term FROM temp.tokens";
            var tokens = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    tokens.Add(reader.GetString(0));
                }
            }

            return tokens;
        }
        finally
        {
            await using (var drop = connection.CreateCommand())
            {
                drop.CommandText = "DROP TABLE temp.tokens";
                await drop.ExecuteNonQueryAsync(Ct);
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
