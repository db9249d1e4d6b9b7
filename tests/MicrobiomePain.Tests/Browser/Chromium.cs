using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(MicrobiomePain.Tests.Browser.Chromium))]

namespace MicrobiomePain.Tests.Browser;

/// <summary>
/// The one Chromium of a test run, shared by every browser test (the in-memory app's and the published app's). It starts
/// on first use, so a run filtered to tests without a browser never launches it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check that a missing browser fails in CI).</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// How many pages are checked at once. Each page waits on the app and on its own renderer, so a few at a time keep both
    /// cores busy; more only queue for them.
    /// </summary>
    private const int PagesAtOnce = 4;

    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why browser tests cannot run here, or null.</summary>
    public static string? Unavailable =>
        File.Exists(ExecutablePath) ? null : $"{ExecutablePath} was not found (apt-get install chromium); .ci/run installs it when CI=true";

    /// <summary>Fails (in CI) or skips (elsewhere) a browser test that cannot run: a missing browser must not pass silently in CI.</summary>
    public static void Require()
    {
        if (Unavailable is not { } reason)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("Browser tests need Chromium in CI: " + reason);
        }

        Assert.Skip("Browser test skipped: " + reason);
    }

    /// <summary>A new context (no shared history, cache or focus) with its first page.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        var context = await (await BrowserAsync()).NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs <paramref name="check"/> on each path, each in a context of its own, a few at a time, and returns every problem
    /// it reports prefixed with the path. A page is loaded once and carries all the checks made of it.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckPagesAsync(
        IEnumerable<string> paths, Func<BrowserNewContextOptions> options, Func<IPage, string, Task<IEnumerable<string>>> check)
    {
        Require();
        using var gate = new SemaphoreSlim(PagesAtOnce);
        var found = await Task.WhenAll(paths.Select(async path =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await NewPageAsync(options());
                await using var context = page.Context;
                return (await check(page, path)).Select(problem => $"{path}: {problem}").ToList();
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. found.SelectMany(problems => problems)];
    }

    /// <summary>At the given viewport width, whether the page scrolls sideways (a problem) or not (none).</summary>
    public static async Task<IReadOnlyList<string>> OverflowAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, 900);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return widths[0] <= widths[1] ? [] : [$"page is {widths[0]}px wide in a {widths[1]}px viewport"];
    }

    private async Task<IBrowser> BrowserAsync()
    {
        Require();
        await _starting.WaitAsync();
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // No network beyond loopback (the machine has none, and lookups would hang).
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                ],
            });
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _starting.Dispose();
    }
}
