using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MicrobiomePain.Tests.Browser;
using MicrobiomePain.Tests.Support;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// A real Chromium against the published app: every page type, then all of them again in a new browser context (so the
/// second visit meets whatever the server cached from the first, as the next reader does). Before the fix, the second
/// reader got an empty stylesheet, an unstyled page and axe target-size violations.
/// </summary>
[Collection(PublishedAppGroup.Name)]
public sealed class BrowserTests(PublishedApp app) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly string? _unavailable = BrowserFixture.ChromiumUnavailable();

    public async ValueTask InitializeAsync()
    {
        if (_unavailable is null)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
        }
    }

    [Fact]
    public async Task Every_page_type_is_styled_error_free_and_axe_clean_for_a_first_and_a_later_reader()
    {
        BrowserFixture.RequireChromium(_unavailable);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var slug = Html.ListedSlugs(await http.GetStringAsync(new Uri("/claims", UriKind.Relative), TestContext.Current.CancellationToken))[0];
        var paths = PublishedApp.ReaderPages(slug);

        var problems = new List<string>();
        foreach (var reader in new[] { "first reader", "later reader" })
        {
            await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
            foreach (var path in paths)
            {
                var page = await context.NewPageAsync();
                var seen = new List<string>();
                page.Console += (_, m) => { if (m.Type == "error") { seen.Add("console error: " + m.Text); } };
                page.RequestFailed += (_, r) => seen.Add($"request failed: {r.Url} {r.Failure}");
                page.Response += (_, r) => { if (r.Status >= 400) { seen.Add($"HTTP {r.Status}: {r.Url}"); } };

                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);

                // --measure is set only by site.css: the stylesheet arrived and applied.
                var measure = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--measure').trim()");
                if (measure != "46rem")
                {
                    seen.Add($"site.css not applied (--measure is '{measure}')");
                }

                // Let the favicon request (made after load) finish before the page is judged and closed.
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AccessibilityTests.WcagAaTags] } });
                seen.AddRange(axe.Violations.Select(v => $"axe {v.Id}: {v.Help}"));
                problems.AddRange(seen.Select(s => $"{reader} {path}: {s}"));
                await page.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
