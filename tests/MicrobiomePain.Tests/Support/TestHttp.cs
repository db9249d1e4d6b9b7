using System.Net;
using System.Xml.Linq;

namespace MicrobiomePain.Tests.Support;

/// <summary>The HTTP helpers the in-process tests share (bring them in with <c>using static</c>).</summary>
public static class TestHttp
{
    /// <summary>The running test's cancellation token.</summary>
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>GET a site-relative path.</summary>
    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    /// <summary>GET a site-relative path that must answer 200, and read its body.</summary>
    public static async Task<string> GetOkStringAsync(this HttpClient client, string path)
    {
        using var response = await client.GetPathAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Every &lt;loc&gt; of /sitemap.xml (absolute URLs), in its order; the sitemap must answer 200.</summary>
    public static async Task<List<string>> SitemapLocationsAsync(this HttpClient client)
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(await client.GetOkStringAsync("/sitemap.xml")).Root!;
        return sitemap.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
    }
}
