using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MicrobiomePain.Tests.Support;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Api;

public sealed partial class ExportTests : IClassFixture<ApiTests.Fixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client;

    public ExportTests(ApiTests.Fixture fixture) => _client = fixture.App.NewClient();

    private Task<HttpResponseMessage> Get(string url, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        return _client.SendAsync(request, Ct);
    }

    /// <summary>A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF record ends.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else { field.Append(text[i++]); }
                }
            }
            else if (text[i] == ',') { row.Add(field.ToString()); field.Clear(); i++; }
            else if (text[i] == '\r' && text[i + 1] == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i += 2; }
            else { Assert.NotEqual('\n', text[i]); field.Append(text[i++]); }
        }

        Assert.Empty(row);
        return rows;
    }

    [Fact]
    public async Task The_csv_export_parses_back_with_one_row_per_matching_claim()
    {
        var response = await Get("/claims.csv?condition=fibromyalgia&sort=article");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("id", rows[0][0]);
        Assert.Equal(["C1", "C2", "C4"], rows.Skip(1).Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        Assert.Equal("Bravo, with \"quotes\"", rows[1][2]);
        Assert.Equal("fibromyalgia;endometriosis", rows[3][6]);
    }

    [Fact]
    public async Task The_csv_export_rejects_a_bad_filter_like_the_page()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Get("/claims.csv?min=best")).StatusCode);
    }

    [Fact]
    public async Task The_atom_feed_parses_and_has_an_entry_per_claim_newest_review_first()
    {
        var response = await Get("/feed.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.NotEmpty(feed.Element(Atom + "id")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        Assert.Equal("2026-04-01T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(5, entries.Count);
        Assert.EndsWith("/claims/visceral-animal", entries[0].Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Matches("^http://localhost/claims/by-id/C[0-9]+$", e.Element(Atom + "id")!.Value));
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.All(entries, e => Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _)));
    }

    [Fact]
    public async Task A_condition_feed_has_only_that_conditions_claims_and_an_unknown_condition_is_404()
    {
        var feed = XDocument.Parse(await _client.GetStringAsync(new Uri("/conditions/endometriosis/feed.atom", UriKind.Relative), Ct)).Root!;

        Assert.Equal(2, feed.Elements(Atom + "entry").Count());
        Assert.Equal("MicrobiomePain: claims about Endometriosis", feed.Element(Atom + "title")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/conditions/migraine/feed.atom")).StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_every_claim_and_robots_points_to_it()
    {
        var locations = await _client.SitemapLocationsAsync();
        var robots = await _client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative), Ct);

        Assert.Equal(5, locations.Count(l => l.Contains("/claims/", StringComparison.Ordinal)));
        Assert.Contains(locations, l => l.EndsWith("/conditions/visceral-pain", StringComparison.Ordinal));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [Fact]
    public async Task A_claim_page_carries_claimreview_json_ld_with_the_level_as_its_rating()
    {
        var html = await _client.GetStringAsync(new Uri("/claims/endo-observational", UriKind.Relative), Ct);
        using var ld = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value);
        var root = ld.RootElement;

        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", root.GetProperty("@type").GetString());
        Assert.Equal("Quote 4.", root.GetProperty("claimReviewed").GetString());
        Assert.Equal("http://localhost/claims/endo-observational", root.GetProperty("url").GetString());
        var item = root.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.Equal("The gut microbiome and chronic pain", item.GetProperty("appearance").GetProperty("name").GetString());
        var rating = root.GetProperty("reviewRating");
        Assert.Equal("Human observational", rating.GetProperty("alternateName").GetString());
        Assert.Equal(3, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(4, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        Assert.Equal("Because the tests say so.", rating.GetProperty("ratingExplanation").GetString());
        Assert.Contains("<meta property=\"og:title\" content=\"Delta\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cite.bib", "application/x-bibtex", "@misc{microbiomepain-c2,")]
    [InlineData("cite.ris", "application/x-research-info-systems", "TY  - ELEC\r\nTI  - alpha\r\n")]
    [InlineData("cite.json", "application/vnd.citationstyles.csl+json", "\"id\":\"microbiomepain-c2\"")]
    public async Task Each_citation_download_has_its_format(string file, string mediaType, string expected)
    {
        var response = await Get("/claims/fibro-trial/" + file);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/claims/fibro-trial", body, StringComparison.Ordinal);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task The_csl_json_citation_parses()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/claims/fibro-trial/cite.json", UriKind.Relative), Ct));
        var item = Assert.Single(doc.RootElement.EnumerateArray().ToList());

        Assert.Equal("webpage", item.GetProperty("type").GetString());
        Assert.Equal(2026, item.GetProperty("issued").GetProperty("date-parts")[0][0].GetInt32());
    }

    [Theory]
    [InlineData("/claims/by-id/C4", "/claims/endo-observational")]
    [InlineData("/claims/endo-old", "/claims/endo-speculative")]
    [InlineData("/claims/endo-old/cite.bib", "/claims/endo-speculative/cite.bib")]
    public async Task Lasting_addresses_answer_301_to_the_current_one(string url, string location)
    {
        var response = await Get(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_id_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/claims/by-id/C999")).StatusCode);

    [Fact]
    public async Task A_claim_page_has_stable_section_anchors_and_a_canonical_link()
    {
        var html = await _client.GetStringAsync(new Uri("/claims/fibro-trial", UriKind.Relative), Ct);

        foreach (var id in new[] { "summary", "evidence", "caveats", "sources", "conditions", "cite" })
        {
            Assert.Contains($"<section id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/claims/fibro-trial\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_pages_canonical_link_puts_parameters_in_canonical_order()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(new Uri("/claims?sort=title&evidence=human-trial&condition=fibromyalgia&evidence=animal-study", UriKind.Relative), Ct));

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/claims?condition=fibromyalgia&evidence=animal-study&evidence=human-trial&sort=title\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/feed.atom?condition=fibromyalgia&evidence=animal-study&evidence=human-trial&sort=title\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/claims")]
    [InlineData("/claims/fibro-trial")]
    [InlineData("/api/claims?evidence=animal-study")]
    [InlineData("/claims.csv")]
    [InlineData("/feed.atom")]
    public async Task A_conditional_request_with_the_etag_answers_304(string url)
    {
        var first = await Get(url);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;

        var byTag = await Get(url, r => r.Headers.IfNoneMatch.Add(etag!));
        var byDate = await Get(url, r => r.Headers.IfModifiedSince = lastModified);
        var stale = await Get(url, r => r.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"other\"", isWeak: true)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.NotNull(lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Theory]
    [InlineData("/claims/no-such-claim", HttpStatusCode.NotFound)]
    [InlineData("/api/claims/no-such-claim", HttpStatusCode.NotFound)]
    [InlineData("/claims/by-id/C4", HttpStatusCode.MovedPermanently)]
    [InlineData("/api/claims?evidence=bogus", HttpStatusCode.BadRequest)]
    public async Task A_matching_validator_never_turns_an_error_or_redirect_into_304(string url, HttpStatusCode expected)
    {
        var etag = (await Get("/claims")).Headers.ETag!;

        var byTag = await Get(url, r => r.Headers.IfNoneMatch.Add(etag));
        var byStar = await Get(url, r => r.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any));

        Assert.Equal(expected, byTag.StatusCode);
        Assert.Equal(expected, byStar.StatusCode);
    }

    [Fact]
    public async Task Error_responses_carry_no_etag()
    {
        var response = await Get("/claims/no-such-claim");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }
}
