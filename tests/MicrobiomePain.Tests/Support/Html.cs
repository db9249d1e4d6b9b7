using System.Text.RegularExpressions;

namespace MicrobiomePain.Tests.Support;

/// <summary>Small, deliberate HTML probes for server-rendered pages (no DOM library needed for these checks).</summary>
public static partial class Html
{
    [GeneratedRegex("<li class=\"claim-card\">.*?<a href=\"/claims/([a-z0-9-]+)(?:\\?from=[^\"]*)?\"", RegexOptions.Singleline)]
    private static partial Regex ClaimLinkPattern();

    /// <summary>The claim slugs in a list page, in display order.</summary>
    public static List<string> ListedSlugs(string html) =>
        ClaimLinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    public static string Decode(string html) => System.Net.WebUtility.HtmlDecode(html);
}
