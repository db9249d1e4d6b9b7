using System.Net;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MicrobiomePain.Tests.Store;

/// <summary>Live reload in Development: saving content changes what is served, and broken content never does.</summary>
public sealed class LiveReloadTests
{
    private static readonly string[] ReaderUrls = ["/claims", "/claims/claim-1", "/claims?evidence=animal-study&sort=title", "/api/claims?sort=strength"];

    private static TestApp DevelopmentApp(params TestClaim[] claims)
    {
        var app = new TestApp(TestContent.Create(claims)) { Environment = "Development" };
        app.Settings["Store:ReloadDelayMilliseconds"] = "100";
        app.Settings["Operations:ApiRequestsPerMinute"] = "1000000";
        return app;
    }

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string url) =>
        (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode;

    [Fact]
    public async Task Saving_a_new_claim_in_Development_serves_it_without_a_restart()
    {
        using var app = DevelopmentApp(new TestClaim(1, "one"));
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, "/claims/two"));

        TestContent.WriteClaim(app.ContentPath, new TestClaim(2, "two", Title: "A claim saved while the site ran"));

        await Eventually.Holds(async () => await StatusOf(client, "/claims/two") == HttpStatusCode.OK, "/claims/two is served");
        var list = await client.GetStringAsync(new Uri("/claims", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("A claim saved while the site ran", list, StringComparison.Ordinal);
        var health = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"claims\":2", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_content_keeps_the_last_good_store_serving_and_the_status_page_lists_each_problem()
    {
        using var app = DevelopmentApp(new TestClaim(1, "one"));
        var client = app.NewClient();
        var served = app.Services.GetRequiredService<ClaimStore>().Current;
        var broken = Path.Combine(app.ContentPath, "claims", "broken.md");

        await File.WriteAllTextAsync(broken, TestContent.ClaimMarkdown(new TestClaim(2, "broken", "guesswork")), TestContext.Current.CancellationToken);

        string status = "";
        await Eventually.Holds(
            async () => (status = await client.GetStringAsync(new Uri("/dev/status", UriKind.Relative), TestContext.Current.CancellationToken)).Contains("broken.md:", StringComparison.Ordinal),
            "/dev/status shows the broken file");
        Assert.Contains("still serving the last good store", status, StringComparison.Ordinal);
        Assert.Contains("broken.md:5:11: error: unknown evidence level &#x27;guesswork&#x27;", status, StringComparison.Ordinal);
        Assert.Contains(served.ShortHash, status, StringComparison.Ordinal);
        Assert.Same(served, app.Services.GetRequiredService<ClaimStore>().Current);
        Assert.Equal(HttpStatusCode.OK, await StatusOf(client, "/claims/one"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, "/claims/broken"));

        // Fixing the file is picked up like any other save.
        await File.WriteAllTextAsync(broken, TestContent.ClaimMarkdown(new TestClaim(2, "broken")), TestContext.Current.CancellationToken);
        await Eventually.Holds(async () => await StatusOf(client, "/claims/broken") == HttpStatusCode.OK, "the fixed claim is served");
        status = await client.GetStringAsync(new Uri("/dev/status", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Built a new store", status, StringComparison.Ordinal);
        Assert.DoesNotContain("broken.md:", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_during_a_series_of_reloads_only_ever_get_complete_pages()
    {
        using var app = DevelopmentApp(Enumerable.Range(1, 20).Select(n => new TestClaim(n, $"claim-{n}")).ToArray());
        var client = app.NewClient();
        var store = app.Services.GetRequiredService<ClaimStore>();
        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var requests = 0;

        async Task Read(string url)
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Interlocked.Increment(ref requests);
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains("claim-1", StringComparison.Ordinal)
                    || !(url.StartsWith("/api", StringComparison.Ordinal) ? body.TrimEnd().EndsWith('}') : body.TrimEnd().EndsWith("</html>", StringComparison.Ordinal)))
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                }
            }
        }

        // Every reader has answered once before the first edit, and more requests have been answered after each swap than
        // there are readers, so reads overlap every reload however quickly a store is built.
        var readers = ReaderUrls.Select(u => Task.Run(() => Read(u), TestContext.Current.CancellationToken)).ToList();
        await Eventually.Holds(() => Volatile.Read(ref requests) >= ReaderUrls.Length, "every reader has been answered");
        for (var edit = 0; edit < 4; edit++)
        {
            var before = store.Current;
            var answered = Volatile.Read(ref requests);
            TestContent.WriteClaim(app.ContentPath, new TestClaim(100 + edit, $"added-{edit}"));
            await Eventually.Holds(() => !ReferenceEquals(store.Current, before), $"reload {edit + 1} swaps the store");
            await Eventually.Holds(() => Volatile.Read(ref requests) > answered + ReaderUrls.Length, $"readers are answered across reload {edit + 1}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, await StatusOf(client, "/claims/added-3"));
    }

    [Fact]
    public async Task Outside_Development_content_is_not_watched_and_the_status_page_does_not_exist()
    {
        using var app = TestApp.With(new TestClaim(1, "one"));
        var client = app.NewClient();

        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(client, "/dev/status"));
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is ContentWatcher);
    }

    [Fact]
    public void An_operator_can_turn_live_reload_on_outside_Development()
    {
        using var app = TestApp.With(new TestClaim(1, "one"));
        app.Settings["Store:WatchContent"] = "true";

        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is ContentWatcher);
    }
}
