using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Browser;

/// <summary>axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, run on a page as it is now.</summary>
public static class Axe
{
    public static readonly string[] WcagAaTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Each violation as one line (rule, impact, help and where); empty when the page is clean.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAaTags] } });
        // A run that passed nothing checked nothing (an empty or unloaded page): that is a failure too.
        var nothingChecked = result.Passes.Length == 0 ? ["axe found no passing rule: nothing was checked"] : Array.Empty<string>();
        return [.. nothingChecked, .. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    /// <summary>The violations in the light and then the dark colour scheme, from one load of the page.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsInBothSchemesAsync(IPage page)
    {
        var light = await ViolationsAsync(page);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var dark = await ViolationsAsync(page);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        return [.. light.Select(v => "light: " + v), .. dark.Select(v => "dark: " + v)];
    }

    /// <summary>Fails with every violation, one a line, naming the page.</summary>
    public static void AssertNone(IReadOnlyList<string> problems, string where) =>
        Assert.True(problems.Count == 0, $"{where}: {problems.Count} problem(s):\n" + string.Join("\n", problems));
}
