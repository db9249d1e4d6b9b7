using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Browser;

/// <summary>axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, run on a page as it is now.</summary>
public static class Axe
{
    public static readonly string[] WcagAaTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>
    /// The rules whose outcome can depend on colours alone: text contrast, and links told apart from their text by colour.
    /// The dark scheme changes colours and nothing else (site.css's one dark block sets only colour custom properties:
    /// <c>DarkSchemeTests</c>), so only these rules are run again in it; every other rule sees the same page in both.
    /// </summary>
    public static readonly string[] ColourRules = ["color-contrast", "link-in-text-block"];

    /// <summary>Each violation of every WCAG A/AA rule as one line (rule, impact, help and where); empty when the page is clean.</summary>
    public static Task<IReadOnlyList<string>> ViolationsAsync(IPage page) =>
        ViolationsAsync(page, new RunOnlyOptions { Type = "tag", Values = [.. WcagAaTags] });

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, RunOnlyOptions rules)
    {
        // Violations in full; passes and the rest one node per rule (axe's resultTypes): the same rules on the same nodes,
        // less to carry back to .NET (a long claim page: ~1.7 s a run instead of ~2.0 s, 2026-12-07).
        // axe.run in the page itself (the library's "legacy" mode), not RunAxe's runPartial, which opens a second page
        // and loads axe into it again to finish every run: on every page type of the published app the two gave the same
        // rules in passes, violations, incomplete and inapplicable, and a full legacy run took 0.20-1.25 s against 0.84-2.84 s
        // (docs/performance.md, "The test suite on a fresh clone": axe in the page). The site has no iframes, the one thing
        // runPartial is for.
#pragma warning disable CS0618 // Obsolete ("being removed in the future"): if it goes, the build fails here, not silently.
        var result = await page.RunAxeLegacy(null, new AxeRunOptions { RunOnly = rules, ResultTypes = [ResultType.Violations] });
#pragma warning restore CS0618
        // A run that passed nothing checked nothing (an empty or unloaded page): that is a failure too.
        var nothingChecked = result.Passes.Length == 0 ? ["axe found no passing rule: nothing was checked"] : Array.Empty<string>();
        return [.. nothingChecked, .. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    /// <summary>
    /// Every WCAG A/AA rule in the light scheme, then the <see cref="ColourRules"/> in the dark one, from one load of the page.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ViolationsInBothSchemesAsync(IPage page)
    {
        var light = await ViolationsAsync(page);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var dark = await ViolationsAsync(page, new RunOnlyOptions { Type = "rule", Values = [.. ColourRules] });
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        return [.. light.Select(v => "light: " + v), .. dark.Select(v => "dark: " + v)];
    }

    /// <summary>Fails with every violation, one a line, naming the page.</summary>
    public static void AssertNone(IReadOnlyList<string> problems, string where) =>
        Assert.True(problems.Count == 0, $"{where}: {problems.Count} problem(s):\n" + string.Join("\n", problems));
}
