using System.Net;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// The evidence level's badge, written in one place: the <c>_LevelBadge</c> partial and the article's claim references
/// (rendered by Markdig, outside Razor) both take their markup from here, so the two cannot drift apart.
/// </summary>
public static class LevelBadgeHtml
{
    /// <summary>The level as a symbol and its name, never by colour alone; the colour class is decoration.</summary>
    public static string Of(LevelBadge level) => Of(level.Slug, level.Symbol, level.Name);

    public static string Of(string slug, string symbol, string name) =>
        $"<span class=\"level level-{WebUtility.HtmlEncode(slug)}\"><span class=\"level-symbol\" aria-hidden=\"true\">{WebUtility.HtmlEncode(symbol)}</span> {WebUtility.HtmlEncode(name)}</span>";
}
