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

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAaTags] },
        });

        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.Empty(violations);
        Assert.NotEmpty(result.Passes);
    }

    [Theory]
    [MemberData(nameof(BrowserFixture.PageTypes), MemberType = typeof(BrowserFixture))]
    public async Task Each_page_type_fits_a_390_pixel_screen_without_sideways_scrolling(string pageType)
    {
        var page = await browser.NewPageAsync(width: 390);
        await page.GotoAsync(browser.PathOf(pageType));

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);

        Assert.True(scrollWidth <= viewport, $"{pageType}: page is {scrollWidth}px wide in a {viewport}px viewport");
    }
}
