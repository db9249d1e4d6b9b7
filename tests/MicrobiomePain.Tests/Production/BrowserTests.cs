using System.Collections.Concurrent;
using MicrobiomePain.Tests.Browser;
using MicrobiomePain.Tests.Support;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// The run's Chromium against the published app: every page type, a few at a time, each in a browser context of its own,
/// checked by axe-core (every WCAG A/AA rule in the light scheme, the colour rules again in the dark one) and measured at
/// phone width; then all of them again in new contexts, so the second visit meets whatever the server cached from the
/// first, as the next reader does. Before the fix, the second reader got an empty stylesheet, an unstyled page and axe
/// violations: the later reader must get the very page the first one got, styled, without errors. (Its page is the
/// first reader's bytes, so axe is not run on it again.)
/// </summary>
[Collection(PublishedAppGroup.Name)]
public sealed class BrowserTests(PublishedApp app, Chromium chromium)
{
    [Fact]
    public async Task Every_page_type_is_axe_clean_in_both_schemes_fits_a_phone_and_a_later_reader_gets_the_same_styled_page()
    {
        Chromium.Require();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var slug = Html.ListedSlugs(await http.GetStringAsync(new Uri("/claims", UriKind.Relative), TestContext.Current.CancellationToken))[0];
        var pages = PublishedApp.PageTypes(slug).ToDictionary(p => p.Path, p => p.Status, StringComparer.Ordinal);
        var firstBodies = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        BrowserNewContextOptions Options() => new() { BaseURL = app.BaseAddress.ToString() };

        var first = await chromium.CheckPagesAsync(pages.Keys, Options, async (page, path) =>
        {
            var (problems, body) = await ReadAsync(page, path, pages[path]);
            firstBodies[path] = body;
            return [.. problems, .. await Axe.ViolationsInBothSchemesAsync(page), .. await Chromium.OverflowAsync(page, 390)];
        });

        // The later readers start after every first reader is done, so each of them meets what the server kept.
        var later = await chromium.CheckPagesAsync(pages.Keys, Options, async (page, path) =>
        {
            var (problems, body) = await ReadAsync(page, path, pages[path]);
            return body == firstBodies[path] ? problems : [.. problems, "a different page than the first reader got"];
        });

        string[] all = [.. first.Select(p => "first reader " + p), .. later.Select(p => "later reader " + p)];
        Assert.True(all.Length == 0, string.Join("\n", all));
    }

    /// <summary>Loads the page; the problems seen (status, console errors, failed requests, site.css not applied) and its HTML.</summary>
    private static async Task<(List<string> Problems, string Body)> ReadAsync(IPage page, string path, int status)
    {
        var seen = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && !IsStatusLog(m.Text, status)) { seen.Add("console error: " + m.Text); } };
        page.RequestFailed += (_, r) => seen.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400 && !(r.Status == status && r.Request.IsNavigationRequest)) { seen.Add($"HTTP {r.Status}: {r.Url}"); } };

        var response = await page.GotoAsync(path);
        if (response!.Status != status)
        {
            seen.Add($"HTTP {response.Status}, expected {status}");
        }

        // --measure is set only by site.css: the stylesheet arrived and applied.
        var measure = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--measure').trim()");
        if (measure != "46rem")
        {
            seen.Add($"site.css not applied (--measure is '{measure}')");
        }

        // Let the favicon request (made after load) finish before the page is judged and closed.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return (seen, await response.TextAsync());
    }

    // Chromium logs a page answered with an error status as a console error ("Failed to load resource: … 404"); for the
    // 404 and 400 pages that status is the expected answer, not a fault.
    private static bool IsStatusLog(string text, int status) =>
        status >= 400 && text.Contains($"status of {status}", StringComparison.Ordinal);
}
