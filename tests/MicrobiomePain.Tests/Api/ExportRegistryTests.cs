using System.Net;
using System.Text;
using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Api;

/// <summary>
/// The JSON Lines export, and every export of the registry checked the same way: linked from its page, compressed, and
/// answered with an ETag and a 304, so a new export that misses one of them fails here instead of silently.
/// </summary>
public sealed class ExportRegistryTests(ApiTests.Fixture fixture) : IClassFixture<ApiTests.Fixture>
{
    private const string AllEncodings = "gzip, deflate, br, zstd";
    private readonly HttpClient _client = fixture.App.NewClient();

    /// <summary>A path for each export, with a claim or condition of the fixture, and the page that must link it.</summary>
    private static (string Path, string Page) Sample(Export export) => export.Scope switch
    {
        ExportScope.ClaimList => (export.Path() + "?condition=endometriosis", "/claims?condition=endometriosis"),
        ExportScope.Condition => (export.Path("endometriosis"), "/conditions/endometriosis"),
        ExportScope.Claim => (export.Path("endo-observational"), "/claims/endo-observational"),
        ExportScope.Changes => (export.Path(), "/changes"),
        _ => throw new ArgumentOutOfRangeException(nameof(export), export.Scope, "a scope this test does not know"),
    };

    public static TheoryData<string> Routes() => new(ExportRegistry.All.Select(e => e.Route));

    private static Export Named(string route) => ExportRegistry.All.Single(e => e.Route == route);

    private async Task<HttpResponseMessage> Get(string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        return await _client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_json_lines_export_has_one_api_list_item_a_line_in_the_lists_order()
    {
        using var api = JsonDocument.Parse(await _client.GetOkStringAsync("/api/claims?sort=title"));
        var items = api.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        using var response = await Get("/claims.jsonl?sort=title");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal(items, lines);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
    }

    [Fact]
    public async Task The_json_lines_export_takes_the_lists_filters_and_rejects_a_bad_value_like_the_other_exports()
    {
        var text = await _client.GetOkStringAsync("/claims.jsonl?condition=endometriosis&sort=article");
        var slugs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("slug").GetString());

        Assert.Equal(["endo-speculative", "endo-observational"], slugs);
        using var bad = await Get("/claims.jsonl?min=best");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using var csv = await Get("/claims.csv?min=best");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_export_is_linked_from_its_page(string route)
    {
        var export = Named(route);
        var (path, page) = Sample(export);
        var html = await _client.GetOkStringAsync(page);

        Assert.Contains($"href=\"{WebUtility.HtmlEncode(path)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_names_its_exports_as_a_sentence_with_no_space_before_a_comma()
    {
        var page = await _client.GetStringAsync(new Uri("/claims", UriKind.Relative), Ct);
        var sentence = System.Text.RegularExpressions.Regex.Replace(
            page[page.IndexOf("<p class=\"exports\">", StringComparison.Ordinal)..page.IndexOf("a page at a time.", StringComparison.Ordinal)], "<[^>]+>", "");

        Assert.Equal("These claims as CSV, JSON Lines, Atom feed, or JSON ", sentence);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_export_is_compressed_and_has_its_media_type_an_etag_and_a_304_on_repeat(string route)
    {
        var export = Named(route);
        var (path, _) = Sample(export);
        using var first = await Get(path, r => r.Headers.AcceptEncoding.ParseAdd(AllEncodings));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(export.MediaType, first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotEmpty(ContentCoding.Decode(await first.Content.ReadAsByteArrayAsync(Ct), "br"));

        using var repeat = await Get(path, r =>
        {
            r.Headers.AcceptEncoding.ParseAdd(AllEncodings);
            r.Headers.IfNoneMatch.Add(etag);
        });
        Assert.Equal(HttpStatusCode.NotModified, repeat.StatusCode);
        Assert.Empty(await repeat.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task The_sitemap_lists_the_whole_site_exports_and_not_a_claims_own()
    {
        var paths = (await _client.SitemapLocationsAsync()).Select(l => new Uri(l).AbsolutePath).ToList();

        Assert.Contains("/claims.jsonl", paths);
        Assert.Contains("/claims.csv", paths);
        Assert.Contains("/changes.atom", paths);
        Assert.DoesNotContain(paths, p => p.EndsWith("/cite.bib", StringComparison.Ordinal));
    }
}
