using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Api;

public sealed class ApiTests : IClassFixture<ApiTests.Fixture>
{
    public sealed class Fixture() : AppFixture(TestApp.With(
            new TestClaim(1, "fibro-animal", "animal-study", ["fibromyalgia"], "Bravo, with \"quotes\"", "2026-01-01"),
            new TestClaim(2, "fibro-trial", "human-trial", ["fibromyalgia"], "alpha", "2026-03-01", Kind: "forecast"),
            new TestClaim(3, "endo-speculative", "speculative", ["endometriosis"], "Charlie", "2026-02-01", Aliases: ["endo-old"], Sources: ["study-a", "study-b"]),
            new TestClaim(4, "endo-observational", "human-observational", ["endometriosis", "fibromyalgia"], "Delta", "2025-12-01"),
            new TestClaim(5, "visceral-animal", "animal-study", ["visceral-pain"], "Echo", "2026-04-01")));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _client;

    public ApiTests(Fixture fixture) => _client = fixture.App.NewClient();

    private Task<HttpResponseMessage> Get(string url) => _client.GetPathAsync(url);

    [Theory]
    [InlineData("")]
    [InlineData("?evidence=animal-study")]
    [InlineData("?condition=fibromyalgia&sort=title")]
    [InlineData("?min=human-observational&sort=reviewed")]
    [InlineData("?condition=endometriosis&condition=visceral-pain&sort=article")]
    [InlineData("?kind=finding&sort=title")]
    public async Task The_json_list_has_the_same_claims_in_the_same_order_as_the_html_list(string query)
    {
        var html = await _client.GetStringAsync(new Uri("/claims" + query, UriKind.Relative), Ct);
        var json = await _client.GetFromJsonAsync<ClaimListResponse>(new Uri("/api/claims" + query, UriKind.Relative), Json, Ct);

        Assert.NotNull(json);
        Assert.Equal(Html.ListedSlugs(html), json.Items.Select(c => c.Slug));
        Assert.Equal(json.Items.Count, json.Total);
        Assert.All(json.Items, c => Assert.False(string.IsNullOrEmpty(c.Level.Name)));
    }

    [Fact]
    public async Task A_bad_filter_value_is_a_problem_details_400_naming_it()
    {
        var response = await Get("/api/claims?evidence=strong");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("evidence", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal("strong", problem.RootElement.GetProperty("value").GetString());
        Assert.Contains("human-trial", problem.RootElement.GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_kind_filter_selects_claims_of_that_kind_and_every_dimension_is_counted_under_facets()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/claims?kind=forecast", UriKind.Relative), Ct));
        var root = doc.RootElement;

        Assert.Equal(["fibro-trial"], root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal("forecast", root.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Equal("/claims?kind=forecast", root.GetProperty("htmlUrl").GetString());
        var facets = root.GetProperty("facets");
        Assert.Equal(["condition", "evidence", "certainty", "verdict", "kind"], facets.EnumerateObject().Select(p => p.Name));
        var kinds = facets.GetProperty("kind").EnumerateArray().ToDictionary(k => k.GetProperty("slug").GetString()!, k => (k.GetProperty("name").GetString(), k.GetProperty("count").GetInt32()));
        Assert.Equal(["finding", "uncertainty", "forecast", "advice"], kinds.Keys);
        Assert.Equal(("Finding", 4), kinds["finding"]);
        Assert.Equal(("Forecast", 1), kinds["forecast"]);
        Assert.Equal(root.GetProperty("conditionCounts").GetRawText(), facets.GetProperty("condition").GetRawText());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_naming_the_kinds_of_the_content()
    {
        var response = await Get("/api/claims?kind=opinion");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("kind", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(["finding", "uncertainty", "forecast", "advice"], problem.RootElement.GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task One_claim_deserializes_with_its_caveats_and_sources()
    {
        var claim = await _client.GetFromJsonAsync<ClaimDetail>(new Uri("/api/claims/endo-speculative", UriKind.Relative), Json, Ct);

        Assert.NotNull(claim);
        Assert.Equal("C3", claim.Id);
        Assert.Equal("speculative", claim.Level.Slug);
        Assert.Equal(2, claim.Caveats.Count);
        Assert.Equal(["study-a", "study-b"], claim.Sources.Select(s => s.Key));
        Assert.Equal("endometriosis", Assert.Single(claim.Conditions).Slug);
    }

    [Fact]
    public async Task An_unknown_claim_is_a_problem_details_404_and_an_old_slug_a_301()
    {
        var missing = await Get("/api/claims/no-such-claim");
        var old = await Get("/api/claims/endo-old");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/api/claims/endo-speculative", old.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Conditions_levels_and_sources_are_listed_with_counts()
    {
        var conditions = await _client.GetFromJsonAsync<List<ConditionSummary>>(new Uri("/api/conditions", UriKind.Relative), Json, Ct);
        var levels = await _client.GetFromJsonAsync<List<EvidenceLevelResponse>>(new Uri("/api/evidence-levels", UriKind.Relative), Json, Ct);
        var sources = await _client.GetFromJsonAsync<List<SourceEntry>>(new Uri("/api/sources", UriKind.Relative), Json, Ct);

        Assert.Equal([("fibromyalgia", 3), ("endometriosis", 2), ("visceral-pain", 1)], conditions!.Select(c => (c.Slug, c.ClaimCount)));
        Assert.Equal([("speculative", 1), ("animal-study", 2), ("human-observational", 1), ("human-trial", 1)], levels!.Select(l => (l.Level.Slug, l.ClaimCount)));
        Assert.Equal(["study-a", "study-b"], sources!.Select(s => s.Source.Key));
        Assert.Equal(5, sources![0].Claims.Count);
        Assert.Equal("C3", Assert.Single(sources[1].Claims).Id);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var path in new[]
                 {
                     "/api/claims", "/api/claims/{slug}", "/api/conditions", "/api/evidence-levels", "/api/sources",
                     "/claims.csv", "/feed.atom", "/conditions/{slug}/feed.atom", "/claims/{slug}/cite.bib",
                     "/claims/{slug}/cite.ris", "/claims/{slug}/cite.json", "/claims/by-id/{id}",
                 })
        {
            Assert.Contains(path, paths);
        }

        Assert.True(doc.RootElement.GetProperty("paths").GetProperty("/api/claims").GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
    }

    [Theory]
    [InlineData("/api/claims", "application/json")]
    [InlineData("/claims.csv", "text/csv")]
    [InlineData("/feed.atom", "application/atom+xml")]
    public async Task The_openapi_document_describes_the_filter_parameters_and_content_type_of_each_list(string path, string contentType)
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var get = doc.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");

        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["certainty", "condition", "evidence", "kind", "min", "page", "q", "sort", "verdict"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("array", parameters["kind"].GetProperty("schema").GetProperty("type").GetString());
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal("array", parameters["condition"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(200, parameters["q"].GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Contains("strength", parameters["sort"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(contentType, out _));
    }

    [Fact]
    public async Task The_openapi_document_says_the_id_permalink_redirects()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var responses = doc.RootElement.GetProperty("paths").GetProperty("/claims/by-id/{id}").GetProperty("get").GetProperty("responses");

        Assert.True(responses.TryGetProperty("301", out _));
        Assert.False(responses.TryGetProperty("200", out _));
    }
}
