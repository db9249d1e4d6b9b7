using MicrobiomePain.Tests.Browser;
using MicrobiomePain.Tests.Support;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// The run's Chromium against the published app: every page type, a few at a time, each in a browser context of its own;
/// then all of them again in new contexts (so the second visit meets whatever the server cached from the first, as the
/// next reader does). Before the fix, the second reader got an empty stylesheet, an unstyled page and axe violations.
/// </summary>
[Collection(PublishedAppGroup.Name)]
public sealed class BrowserTests(PublishedApp app, Chromium chromium)
{
    [Fact]
    public async Task Every_page_type_is_styled_error_free_and_axe_clean_for_a_first_and_a_later_reader()
    {
        Chromium.Require();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var slug = Html.ListedSlugs(await http.GetStringAsync(new Uri("/claims", UriKind.Relative), TestContext.Current.CancellationToken))[0];
        var paths = PublishedApp.ReaderPages(slug);

        var problems = new List<string>();
        // The later readers start after every first reader is done, so each of them meets what the server kept.
        foreach (var reader in new[] { "first reader", "later reader" })
        {
            var found = await chromium.CheckPagesAsync(paths, () => new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() }, ReadAsync);
            problems.AddRange(found.Select(p => $"{reader} {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> ReadAsync(IPage page, string path)
    {
        var seen = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { seen.Add("console error: " + m.Text); } };
        page.RequestFailed += (_, r) => seen.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) { seen.Add($"HTTP {r.Status}: {r.Url}"); } };

        var response = await page.GotoAsync(path);
        if (response!.Status != 200)
        {
            seen.Add($"HTTP {response.Status}");
        }

        // --measure is set only by site.css: the stylesheet arrived and applied.
        var measure = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--measure').trim()");
        if (measure != "46rem")
        {
            seen.Add($"site.css not applied (--measure is '{measure}')");
        }

        // Let the favicon request (made after load) finish before the page is judged and closed.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        seen.AddRange((await Axe.ViolationsAsync(page)).Select(v => "axe " + v));
        return seen;
    }
}
