using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Browser;

/// <summary>
/// The premise of <see cref="Axe.ViolationsInBothSchemesAsync"/>: the dark scheme changes colours and nothing else, so a
/// page checked with every rule in the light scheme needs only the colour rules again in the dark one. If a dark block
/// ever sets a size, a display or anything but a colour token, this fails, and the dark run must go back to every rule.
/// </summary>
public sealed partial class DarkSchemeTests
{
    private static string WebRoot => Path.Combine(Path.GetDirectoryName(TestContent.Shipped())!, "src", "MicrobiomePain.Web", "wwwroot");

    [Fact]
    public void The_one_dark_scheme_block_only_gives_colour_tokens_new_colours()
    {
        var css = File.ReadAllText(Path.Combine(WebRoot, "css", "site.css"));
        var light = Declarations(RootBlock().Match(css).Groups["body"].Value);
        var dark = DarkBlock().Matches(css);

        var block = Assert.Single(dark);
        var declarations = Declarations(block.Groups["body"].Value);
        Assert.NotEmpty(declarations);
        Assert.All(declarations, d =>
        {
            Assert.Matches(HexColour(), d.Value);
            Assert.True(light.TryGetValue(d.Key, out var lightValue) && HexColour().IsMatch(lightValue), $"{d.Key} is not a light colour token");
        });
    }

    [Fact]
    public void Nothing_else_in_the_site_reacts_to_the_colour_scheme()
    {
        var files = Directory.EnumerateFiles(WebRoot, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("site.css", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var expected = file.EndsWith("site.css", StringComparison.Ordinal) ? 1 : 0;
            Assert.True(Regex.Count(text, "prefers-color-scheme") == expected, $"{file}: prefers-color-scheme outside site.css's one dark block");
            Assert.DoesNotContain("matchMedia", text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Declarations(string body) =>
        body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p.Length == 2 ? p[1] : "", StringComparer.Ordinal);

    // The first :root block (the tokens), and every prefers-color-scheme block holding one :root block and nothing else.
    [GeneratedRegex(@"^:root\s*\{(?<body>[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"@media\s*\(\s*prefers-color-scheme[^)]*\)\s*\{\s*:root\s*\{(?<body>[^}]*)\}\s*\}")]
    private static partial Regex DarkBlock();

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
