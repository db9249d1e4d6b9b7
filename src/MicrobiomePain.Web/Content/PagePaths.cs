using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// The address a prose page's front matter gives it (<c>path: /about</c>): lower-case words joined by '-', in one or more
/// '/' segments, and not an address the app answers itself. <see cref="AppRoutes"/> is the app's own route templates, kept
/// here because content is checked without the app running (the build tool, `validate`); StartupTests compares it with the
/// app's endpoints, so a new route that is missing here fails a test instead of hiding a page.
/// </summary>
public static partial class PagePaths
{
    /// <summary>Every route the app maps apart from prose pages. "{…}" is one segment; "{**…}" the rest of the path.</summary>
    public static readonly IReadOnlyList<string> AppRoutes =
    [
        "/", "/claims", "/claims/{slug}", "/claims/{slug}/cite.bib", "/claims/{slug}/cite.ris", "/claims/{slug}/cite.json",
        "/claims/by-id/{id}", "/claims.csv", "/claims.jsonl", "/feed.atom", "/map", "/conditions", "/conditions/{slug}",
        "/conditions/{slug}/feed.atom", "/evidence", "/article", "/sources", "/changes", "/changes.atom", "/sitemap.xml",
        "/robots.txt", "/api/{**rest}", "/openapi/{**rest}", "/healthz", "/dev/{**rest}", "/error/{**rest}",
    ];

    /// <summary>Why the path cannot be a page's address, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (!path.StartsWith('/'))
        {
            return $"'path' starts with '/' (e.g. /{path.TrimStart('/')}).";
        }

        if (!Shape().IsMatch(path))
        {
            return $"'path' '{path}' must be lower-case words joined by '-', in '/'-separated segments (e.g. /evidence/method), with no trailing '/'.";
        }

        return AppRoutes.FirstOrDefault(route => Matches(route, path)) is { } clash
            ? $"'path' '{path}' is an address the app answers itself ({clash}); choose another."
            : null;
    }

    /// <summary>True when the route template would answer the path.</summary>
    public static bool Matches(string route, string path)
    {
        var routeSegments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathSegments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < routeSegments.Length; i++)
        {
            if (routeSegments[i].StartsWith("{**", StringComparison.Ordinal))
            {
                return true;
            }

            if (i >= pathSegments.Length
                || !(routeSegments[i].StartsWith('{') || string.Equals(routeSegments[i], pathSegments[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return routeSegments.Length == pathSegments.Length;
    }

    [GeneratedRegex("^(/[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex Shape();
}
