using System.Net;

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
}
