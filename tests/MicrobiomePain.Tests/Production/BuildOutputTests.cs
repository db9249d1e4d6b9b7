using System.Net;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// The app run from its build output in Production, as `dotnet run -c Release --no-launch-profile` does (the project
/// folder as content root, the bin folder's manifests). The compressed variants of the static assets exist only in obj/;
/// the framework finds them through the build's manifest in Development only, so before the fix every browser (which
/// asks for br or gzip) got site.css and copy-link.js as empty 200s with no Content-Type.
/// </summary>
public sealed partial class BuildOutputTests
{
    [Fact]
    public async Task Run_from_build_output_in_Production_every_linked_asset_has_its_bytes_in_every_encoding()
    {
        // The Web project's own output for this build's configuration, beside the test project's.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(Path.GetDirectoryName(TestContent.Shipped())!, "src", "MicrobiomePain.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "MicrobiomePain.Web.dll");
        Assert.True(File.Exists(dll), dll);
        var content = TestContent.CopyOfShipped();
        await using var app = AppProcess.Start(dll, ["--urls=http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Store__ContentPath"] = content,
            ["Store__StoreDirectory"] = Path.Combine(Path.GetDirectoryName(content)!, "store"),
        }, workingDirectory: project);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = await app.ListeningAsync() };

        var slug = Html.ListedSlugs(await http.GetStringAsync(new Uri("/claims", UriKind.Relative), Ct))[0];
        var claimPage = await http.GetStringAsync(new Uri($"/claims/{slug}", UriKind.Relative), Ct);
        var assets = Asset().Matches(claimPage).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            byte[]? identity = null;
            foreach (var encoding in new[] { "gzip, deflate, br, zstd", null, "gzip", "gzip, deflate, br, zstd", null })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, asset);
                if (encoding is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                }

                using var response = await http.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotNull(response.Content.Headers.ContentType);
                var body = ContentCoding.Decode(await response.Content.ReadAsByteArrayAsync(Ct), response.Content.Headers.ContentEncoding.SingleOrDefault());
                Assert.True(body.Length > 0, $"{asset} with Accept-Encoding {encoding ?? "none"} is empty");
                identity ??= body;
                Assert.Equal(identity, body);
            }
        }
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js)/[^\"]+)\"")]
    private static partial Regex Asset();
}
