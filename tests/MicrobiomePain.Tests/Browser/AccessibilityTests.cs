using MicrobiomePain.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Browser;

/// <summary>
/// Every shipped claim, checked by axe-core in Chromium in both colour schemes and measured at phone width (each page type
/// is checked the same way against the published app: Production/BrowserTests), and the pages with checks of their own.
/// Each page is loaded once for all of its checks, a few pages at a time, each in a browser context of its own.
/// </summary>
[Collection(AccessibilityTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] NoCaptionedGradingTable = ["neither a grading table with a caption nor a verdict"];

    private static bool IsClaimPage(string path) => path.StartsWith("/claims/", StringComparison.Ordinal);

    [Fact]
    public async Task Every_shipped_claim_page_and_its_grading_table_has_no_WCAG_2_2_AA_violations_in_light_and_dark_schemes_and_fits_a_390_pixel_screen()
    {
        Chromium.Require();
        var claims = Directory.EnumerateFiles(Path.Combine(TestContent.Shipped(), "claims"), "*.md")
            .Select(f => "/claims/" + Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(browser.SampleClaimPath, claims);
        Assert.All(BrowserFixture.PageTypes.Select(p => browser.PathOf(p.Data)).Where(IsClaimPage), path => Assert.Contains(path, claims));

        var problems = await browser.Chromium.CheckPagesAsync(claims, () => browser.Options(), async (page, path) =>
        {
            await page.GotoAsync(path);
            // A claim about the research shows its verdict instead of a grading table (issue 29); every other claim is graded.
            var captioned = await page.Locator("table.grading caption").CountAsync();
            var verdict = await page.Locator("#verdict h2").CountAsync();
            var violations = await Axe.ViolationsInBothSchemesAsync(page);
            return [.. captioned > 0 || verdict > 0 ? [] : NoCaptionedGradingTable, .. violations, .. await Chromium.OverflowAsync(page, 390)];
        });

        Axe.AssertNone(problems, "claim pages");
    }

    /// <summary>
    /// The check itself can fail: a page with faint text in the light scheme and other faint text only in the dark one
    /// gets a contrast violation in each, named by scheme and element (the run in the page, Axe.ViolationsAsync, is a
    /// mode of the library chosen for speed; this shows it still reports).
    /// </summary>
    [Fact]
    public async Task The_axe_check_reports_faint_text_in_each_scheme_where_it_occurs()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Canary</title><style>
            body { color: #000; background: #fff; } .light { color: #ccc; }
            @media (prefers-color-scheme: dark) { body { color: #fff; background: #000; } .light { color: #fff; } .dark { color: #333; } }
            </style></head><body><main><h1>Canary</h1><p class="light">faint when light</p><p class="dark">faint when dark</p></main></body></html>
            """);

        var problems = await Axe.ViolationsInBothSchemesAsync(page);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("light: color-contrast", problems[0], StringComparison.Ordinal);
        Assert.EndsWith(".light", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("dark: color-contrast", problems[1], StringComparison.Ordinal);
        Assert.EndsWith(".dark", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_the_map_scrolls_in_a_labelled_region_a_keyboard_can_reach_and_stays_axe_clean()
    {
        var page = await browser.NewPageAsync(width: 360);
        await page.GotoAsync("/map");
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Claims by condition and level of evidence" });

        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "at 360 px the table should scroll inside its region");
        Assert.Equal(0, await region.EvaluateAsync<int>("r => r.tabIndex"));
        Axe.AssertNone(await Axe.ViolationsAsync(page), page.Url);
    }

    [Fact]
    public async Task The_development_status_page_listing_content_errors_has_no_WCAG_2_2_AA_violations_in_light_and_dark_schemes()
    {
        // The status page exists only in Development, so it gets an app of its own, showing an invalid save's diagnostics.
        var page = await browser.NewPageAsync();
        using var app = new TestApp(TestContent.Create([new TestClaim(1, "one")])) { Environment = "Development" };
        app.Settings["Store:ReloadDelayMilliseconds"] = "50";
        app.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        var status = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/dev/status");
        await File.WriteAllTextAsync(
            Path.Combine(app.ContentPath, "claims", "broken.md"), TestContent.ClaimMarkdown(new TestClaim(2, "broken", "guesswork")), TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        await Eventually.Holds(
            async () => (await http.GetStringAsync(status, TestContext.Current.CancellationToken)).Contains("broken.md:", StringComparison.Ordinal),
            "the live reload reports the broken file");

        await page.GotoAsync(status.ToString());

        Assert.Equal(1, await page.Locator(".diagnostics li").CountAsync());
        Axe.AssertNone(await Axe.ViolationsInBothSchemesAsync(page), page.Url);
    }

    /// <summary>The evidence map is the widest thing on the site; it must scroll inside its own region even on a small phone.</summary>
    [Theory]
    [InlineData("map")]
    [InlineData("home")]
    public Task The_evidence_map_pages_fit_a_360_pixel_screen(string pageType) => AssertFits(pageType, 360);

    private async Task AssertFits(string pageType, int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.GotoAsync(browser.PathOf(pageType));
        var overflow = await Chromium.OverflowAsync(page, width);
        Assert.True(overflow.Count == 0, $"{pageType}: {string.Join(", ", overflow)}");
    }
}
