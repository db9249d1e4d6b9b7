using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MicrobiomePain.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Browser;

/// <summary>Every page type, checked by axe-core in Chromium and measured at phone width.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    /// <summary>The rule set: axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules.</summary>
    public static readonly string[] WcagAaTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string, string> PageTypesInBothSchemes { get; } = new(
        BrowserFixture.PageTypes.SelectMany(p => new[] { (p.Data, "light"), (p.Data, "dark") }));

    [Theory]
    [MemberData(nameof(PageTypesInBothSchemes))]
    public async Task Each_page_type_has_no_WCAG_2_2_AA_violations_in_light_and_dark_schemes(string pageType, string scheme)
    {
        var page = await browser.NewPageAsync(scheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(browser.PathOf(pageType));

        await AssertNoViolations(page);
    }

    [Fact]
    public async Task On_a_phone_the_map_scrolls_in_a_labelled_region_a_keyboard_can_reach_and_stays_axe_clean()
    {
        var page = await browser.NewPageAsync(width: 360);
        await page.GotoAsync("/map");
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Claims by condition and level of evidence" });

        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "at 360 px the table should scroll inside its region");
        Assert.Equal(0, await region.EvaluateAsync<int>("r => r.tabIndex"));
        await AssertNoViolations(page);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_grading_table_of_every_shipped_claim_has_no_WCAG_2_2_AA_violations(string scheme)
    {
        var page = await browser.NewPageAsync(scheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        foreach (var slug in Directory.EnumerateFiles(Path.Combine(TestContent.Shipped(), "claims"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            await page.GotoAsync("/claims/" + slug);
            Assert.Equal(1, await page.Locator("table.grading caption").First.CountAsync());
            await AssertNoViolations(page);
        }
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_development_status_page_listing_content_errors_has_no_WCAG_2_2_AA_violations(string scheme)
    {
        // The status page exists only in Development, so it gets an app of its own, showing an invalid save's diagnostics.
        var page = await browser.NewPageAsync(scheme: scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
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
        await AssertNoViolations(page);
    }

    private static async Task AssertNoViolations(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAaTags] },
        });

        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}: {violations.Count} axe violation(s):\n" + string.Join("\n", violations));
        Assert.NotEmpty(result.Passes);
    }

    [Theory]
    [MemberData(nameof(BrowserFixture.PageTypes), MemberType = typeof(BrowserFixture))]
    public Task Each_page_type_fits_a_390_pixel_screen_without_sideways_scrolling(string pageType) =>
        AssertFits(pageType, 390);

    /// <summary>The evidence map is the widest thing on the site; it must scroll inside its own region even on a small phone.</summary>
    [Theory]
    [InlineData("map")]
    [InlineData("home")]
    public Task The_evidence_map_pages_fit_a_360_pixel_screen(string pageType) => AssertFits(pageType, 360);

    private async Task AssertFits(string pageType, int width)
    {
        var page = await browser.NewPageAsync(width: width);
        await page.GotoAsync(browser.PathOf(pageType));

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);

        Assert.True(scrollWidth <= viewport, $"{pageType}: page is {scrollWidth}px wide in a {viewport}px viewport");
    }
}
