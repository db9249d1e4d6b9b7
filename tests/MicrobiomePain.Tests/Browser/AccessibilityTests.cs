using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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
