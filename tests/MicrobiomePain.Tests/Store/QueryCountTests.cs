using System.Data.Common;
using System.Net;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MicrobiomePain.Tests.Store;

/// <summary>
/// Pins the number of SQL commands a page issues, with the output cache off, so an N+1 (a query per claim)
/// cannot creep in: the counts must not grow with the number of claims.
/// </summary>
public sealed class QueryCountTests
{
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CountingApp(string content, CommandCounter counter) : IDisposable
    {
        private readonly TestApp _app = Create(content, counter);

        private static TestApp Create(string content, CommandCounter counter)
        {
            var app = new TestApp(content);
            app.Settings["Performance:OutputCacheSeconds"] = "0";
            return app;
        }

        public HttpClient Client() => _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<ClaimStoreContext>(o => o.AddInterceptors(counter)))).CreateClient();

        public void Dispose() => _app.Dispose();
    }

    private static async Task<int> CommandsFor(int claims, string url)
    {
        var counter = new CommandCounter();
        var content = TestContent.Create(Enumerable.Range(1, claims)
            .Select(n => new TestClaim(n, $"claim-{n}", n % 2 == 0 ? "human-trial" : "animal-study", n % 3 == 0 ? ["fibromyalgia", "endometriosis"] : ["visceral-pain"], Sources: ["study-a", "study-b"])));
        using var app = new CountingApp(content, counter);
        using var client = app.Client();
        var warm = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        counter.Reset();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counter.Count;
    }

    // A list is one command (the page's rows): totals, facet counts, vocabulary and page order come from the store's
    // in-memory ClaimIndex, read once per store version by the first request (the warm-up here), and so do a search's
    // hits and bm25 ranks (its SearchIndex). A search adds the page's highlights: three commands that copy the page's
    // rows into a temporary FTS5 table and match there (ClaimSearch.HighlightsAsync), whatever the page size. A claim
    // page is the claim's five split queries (row, caveats, conditions, sources, history) plus the related claims' rows.
    [Theory]
    [InlineData("/claims", 1)]
    [InlineData("/claims?condition=fibromyalgia&evidence=human-trial", 1)]
    [InlineData("/claims?q=claim&condition=fibromyalgia", 4)]
    [InlineData("/claims?q=number+claim&sort=title", 4)]
    [InlineData("/claims/claim-3", 6)]
    [InlineData("/api/claims?evidence=animal-study", 1)]
    public async Task A_page_issues_a_fixed_number_of_sql_commands_whatever_the_number_of_claims(string url, int expected)
    {
        var few = await CommandsFor(5, url);
        var many = await CommandsFor(40, url);

        Assert.Equal(expected, few);
        Assert.Equal(expected, many);
    }
}
