using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MicrobiomePain.Tests.Support;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// Every URL family of the published app, asked again and again with the Accept-Encoding values real clients send, a
/// compressed request first: the same status and type every time, the same non-empty decoded body every time, and a
/// Content-Encoding only when the request allowed it. Before the output cache was scoped to the site's own responses,
/// the second request for /claims.csv or any static asset came back empty, and a Brotli body answered clients that
/// had not asked for it.
/// </summary>
[Collection(PublishedAppGroup.Name)]
public sealed partial class ServingTests(PublishedApp app)
{
    /// <summary>A browser's header, then the others; an uncompressed request never comes first.</summary>
    private static readonly string?[] Encodings = ["gzip, deflate, br, zstd", "br", null, "gzip", "br", "gzip, deflate, br, zstd", null, "gzip"];

    private const int Rounds = 3;

    [Fact]
    public async Task Every_url_family_answers_the_same_decoded_body_for_every_encoding_every_time()
    {
        using var http = Client();
        var urls = await UrlFamiliesAsync(http);
        var failures = new List<string>();

        foreach (var url in urls)
        {
            Answer? first = null;

            // A HEAD first as well: a cached HEAD must never become an empty GET.
            using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct))
            {
                Assert.True(head.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"HEAD {url}: {head.StatusCode}");
            }

            for (var round = 0; round < Rounds; round++)
            {
                foreach (var encoding in Encodings)
                {
                    var answer = await GetAsync(http, url, encoding);
                    var label = $"{url} (round {round + 1}, Accept-Encoding: {encoding ?? "none"})";
                    if (answer.ContentEncoding is { } used && !Allows(encoding, used))
                    {
                        failures.Add($"{label}: Content-Encoding {used} was not asked for");
                    }

                    if (answer.Status == HttpStatusCode.OK && answer.Body.Length == 0)
                    {
                        failures.Add($"{label}: 200 with an empty body");
                    }

                    first ??= answer;
                    if (answer.Status != first.Status || answer.ContentType != first.ContentType)
                    {
                        failures.Add($"{label}: {answer.Status} {answer.ContentType}, first was {first.Status} {first.ContentType}");
                    }
                    else if (!answer.Body.AsSpan().SequenceEqual(first.Body))
                    {
                        failures.Add($"{label}: decoded body of {answer.Body.Length} bytes differs from the first ({first.Body.Length} bytes)");
                    }
                }
            }
        }

        // The first two problems of each URL, so one broken family cannot hide another.
        var report = failures.GroupBy(f => f[..f.IndexOf(" (round", StringComparison.Ordinal)]).SelectMany(g => g.Take(2).Append($"  ({g.Count()} in all for {g.Key})"));
        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) over {urls.Count} URLs:\n" + string.Join("\n", report));
        Assert.Empty(app.ErrorLogLines);
    }

    [Fact]
    public async Task The_url_families_include_every_asset_the_pages_link_and_the_favicon()
    {
        using var http = Client();
        var urls = await UrlFamiliesAsync(http);

        Assert.Contains(urls, u => u.StartsWith("/css/site.", StringComparison.Ordinal) && u.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/js/copy-link.", StringComparison.Ordinal));
        Assert.Contains("/favicon.ico", urls);
        Assert.Contains(urls, u => u.StartsWith("/favicon.", StringComparison.Ordinal) && u.EndsWith(".svg", StringComparison.Ordinal));
        foreach (var css in urls.Where(u => u.EndsWith(".css", StringComparison.Ordinal) || u.EndsWith(".js", StringComparison.Ordinal)))
        {
            var answer = await GetAsync(http, css, "gzip, deflate, br, zstd");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.StartsWith(css.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", answer.ContentType, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_favicon_is_served_as_an_icon_and_linked_fingerprinted_from_every_page()
    {
        using var http = Client();
        var ico = await GetAsync(http, "/favicon.ico", null);
        Assert.Equal(HttpStatusCode.OK, ico.Status);
        Assert.Equal("image/x-icon", ico.ContentType);
        Assert.Equal([0, 0, 1, 0], ico.Body[..4]);

        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var svg = IconLink().Match(home);
        Assert.True(svg.Success, "the layout links an SVG icon");
        using var response = await http.GetAsync(new Uri(svg.Groups[1].Value, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_export_parses_on_its_second_and_third_request()
    {
        using var http = Client();
        var total = JsonDocument.Parse((await GetAsync(http, "/api/claims", "gzip, deflate, br, zstd")).Body).RootElement.GetProperty("total").GetInt32();
        var slug = await FirstSlugAsync(http);
        Assert.True(total > 0);

        for (var request = 1; request <= 3; request++)
        {
            foreach (var encoding in new[] { "gzip, deflate, br, zstd", null })
            {
                var csv = Text(await GetAsync(http, "/claims.csv", encoding));
                var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.StartsWith("id,slug,title,", rows[0], StringComparison.Ordinal);
                Assert.Equal(total, rows.Length - 1);

                var lines = Text(await GetAsync(http, "/claims.jsonl", encoding)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(total, lines.Length);
                Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));

                var feed = XDocument.Parse(Text(await GetAsync(http, "/feed.atom", encoding)));
                XNamespace atom = "http://www.w3.org/2005/Atom";
                Assert.Equal(Math.Min(total, 100), feed.Root!.Elements(atom + "entry").Count());

                var bib = Text(await GetAsync(http, $"/claims/{slug}/cite.bib", encoding));
                Assert.StartsWith("@", bib.TrimStart(), StringComparison.Ordinal);
                var ris = Text(await GetAsync(http, $"/claims/{slug}/cite.ris", encoding));
                Assert.StartsWith("TY  -", ris, StringComparison.Ordinal);
                Assert.Contains("ER  -", ris, StringComparison.Ordinal);
                var csl = JsonDocument.Parse(Text(await GetAsync(http, $"/claims/{slug}/cite.json", encoding))).RootElement;
                Assert.True(csl.ValueKind is JsonValueKind.Array or JsonValueKind.Object);
            }
        }
    }

    [Fact]
    public async Task A_revalidation_gets_304_from_one_owner_and_a_changed_validator_gets_the_full_page()
    {
        using var http = Client();
        using var first = await http.GetAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);
        var etag = first.Headers.ETag!;
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/claims?evidence=animal-study");
            request.Headers.IfNoneMatch.Add(etag);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
            using var revalidated = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Equal(etag, revalidated.Headers.ETag);
            Assert.Contains("Accept-Encoding", revalidated.Headers.Vary);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync(Ct));
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/claims?evidence=animal-study");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-version\"", isWeak: true));
        using var full = await http.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await full.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Every URL family a reader or a program meets, plus every asset the pages link.</summary>
    private static async Task<List<string>> UrlFamiliesAsync(HttpClient http)
    {
        var slug = await FirstSlugAsync(http);
        var pages = new List<string>(PublishedApp.ReaderPages(slug)) { "/claims?evidence=speculative&min=human-trial", "/no-such-page", "/claims?evidence=no-such-level" };
        var others = new List<string>
        {
            $"/claims/{slug}/cite.bib", $"/claims/{slug}/cite.ris", $"/claims/{slug}/cite.json", "/claims.csv",
            "/claims.csv?evidence=animal-study", "/claims.jsonl", "/claims.jsonl?evidence=animal-study", "/feed.atom", "/conditions/fibromyalgia/feed.atom", "/changes.atom", "/sitemap.xml", "/robots.txt",
            "/api/claims", "/api/claims?evidence=human-trial&page=1", $"/api/claims/{slug}", "/api/conditions", "/api/evidence-levels",
            "/api/sources", "/openapi/v1.json", "/favicon.ico", "/healthz",
        };

        var assets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var html = Text(await GetAsync(http, page, null));
            foreach (Match m in LinkedAsset().Matches(html))
            {
                assets.Add(WebUtility.HtmlDecode(m.Groups[1].Value));
            }
        }

        return [.. pages, .. others, .. assets];
    }

    private static async Task<string> FirstSlugAsync(HttpClient http) =>
        Html.ListedSlugs(await http.GetStringAsync(new Uri("/claims", UriKind.Relative), Ct))[0];

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.BaseAddress };

    private static bool Allows(string? acceptEncoding, string used) =>
        acceptEncoding is not null && acceptEncoding.Split(',').Select(e => e.Split(';')[0].Trim()).Contains(used, StringComparer.OrdinalIgnoreCase);

    private sealed record Answer(HttpStatusCode Status, string? ContentType, string? ContentEncoding, byte[] Body);

    private static async Task<Answer> GetAsync(HttpClient http, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await http.SendAsync(request, Ct);
        var raw = await response.Content.ReadAsByteArrayAsync(Ct);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), encoding, ContentCoding.Decode(raw, encoding));
    }

    private static string Text(Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK || answer.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"status {answer.Status}");
        return System.Text.Encoding.UTF8.GetString(answer.Body);
    }

    [GeneratedRegex("(?:href|src)=\"(/(?:css|js)/[^\"]+|/favicon[^\"]*)\"")]
    private static partial Regex LinkedAsset();

    [GeneratedRegex("<link rel=\"icon\" href=\"(/favicon[^\"]*\\.svg)\"")]
    private static partial Regex IconLink();
}
