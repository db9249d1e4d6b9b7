using System.Globalization;
using System.Text;
using System.Xml;
using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// sitemap.xml (every page, prose pages from content, the whole-site exports of <see cref="ExportRegistry"/>, every condition and claim) and
/// robots.txt, which points crawlers at it. A claim's or a condition's own exports are not listed: their pages link them.
/// </summary>
public static class Sitemap
{
    /// <summary>The sitemap protocol's limit of URLs in one file; a larger site would need a sitemap index (not built).</summary>
    public const int MaxUrls = 50_000;

    public static WebApplication MapSitemap(this WebApplication app)
    {
        var group = app.MapGroup("").CacheContent();
        group.MapGet(Links.Sitemap, Xml).ExcludeFromDescription();
        group.MapGet("/robots.txt", (HttpContext context) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: {SiteUrls.Absolute(context, Links.Sitemap)}\n", "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Xml(HttpContext context, ClaimStoreContext db, CancellationToken ct)
    {
        var conditions = await ClaimQuery.ConditionsAsync(db, ct);
        var prose = await db.Pages.AsNoTracking().Where(p => p.Path != null).OrderBy(p => p.Path).Select(p => p.Path!).ToListAsync(ct);
        var pages = Links.Pages.Concat(prose).Concat(ExportRegistry.All.Where(e => e.InSitemap).Select(e => e.Path())).ToList();
        var claims = ClaimQuery.AllAsync(db, ClaimFilter.All with { Sort = ClaimSort.Article }, MaxUrls - pages.Count - conditions.Count, ct);
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var xml = new StringBuilder();
        using (var w = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true }))
        {
            w.WriteStartElement("urlset", ns);
            void Url(string path, DateOnly? modified = null)
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, SiteUrls.Absolute(context, path));
                if (modified is { } m)
                {
                    w.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            foreach (var path in pages)
            {
                Url(path);
            }

            foreach (var c in conditions)
            {
                Url(Links.Condition(c.Slug));
            }

            await foreach (var c in claims)
            {
                Url(Links.Claim(c.Slug), c.Reviewed);
            }

            w.WriteEndElement();
        }

        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8", Encoding.UTF8);
    }
}
