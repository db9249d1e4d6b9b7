namespace MicrobiomePain.Web.Site;

/// <summary>Site-wide settings, bound from the "Site" configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The public base address (e.g. https://microbiomepain.example) used in absolute links: canonical URLs,
    /// feeds, sitemap, citations and structured data. When empty, the request's own scheme and host are used,
    /// which is right when the app is reached directly; set it behind a proxy or CDN.
    /// </summary>
    public string? BaseUrl { get; set; }
}

public static class SiteUrls
{
    /// <summary>The absolute form of a site path such as "/claims/x".</summary>
    public static string Absolute(HttpContext context, string path)
    {
        var configured = context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<SiteOptions>>()?.Value.BaseUrl;
        var origin = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}"
            : configured.TrimEnd('/');
        return origin + path;
    }
}
