using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Content;

/// <summary>The content that ships: complete, consistent, and shown as it is.</summary>
public sealed class ShippedContentTests : IClassFixture<ShippedFixture>
{
    // Ids are permanent: a renumbering or a reused id must fail here, not in readers' bookmarks.
    private static readonly Dictionary<string, string> Ids = new()
    {
        ["C1"] = "chronic-pain-microbiome-differs",
        ["C2"] = "endometriosis-microbiome-differs",
        ["C3"] = "microbiome-manipulation-could-relieve-pain",
        ["C4"] = "metronidazole-endometriosis-lesions-mice",
        ["C5"] = "lesion-result-implies-pain-effect",
        ["C6"] = "mechanisms-unknown",
        ["C7"] = "pathways-neurotransmitters-immune",
        ["C8"] = "human-studies-cross-sectional",
        ["C9"] = "early-life-stress-microbiome",
        ["C10"] = "pain-persists-after-microbiome-recovers",
        ["C11"] = "probiotics-reverse-pain-adult-animals",
        ["C12"] = "trials-needed-for-strains",
        ["C13"] = "no-probiotic-recommended",
        ["C14"] = "diet-and-stress-may-help",
        ["C15"] = "future-personalised-probiotics",
        ["C16"] = "future-fmt",
        ["C17"] = "future-microbial-pathway-drugs",
        ["C18"] = "evidence-suggests-strong-link",
        ["C19"] = "future-is-bright",
        ["C20"] = "could-revolutionise-pain-management",
        ["C21"] = "microbes-roles-digestion-immunity-brain",
        ["C22"] = "supplements-may-interact-or-harm",
        ["C23"] = "microbiome-target-promising-avenue",
        ["C24"] = "identifying-strains-will-pave-way",
    };

    private readonly ShippedFixture _fixture;

    public ShippedContentTests(ShippedFixture fixture) => _fixture = fixture;

    [Fact]
    public void Every_claim_keeps_its_id_and_slug() =>
        Assert.Equal(Ids, _fixture.Content.Claims.ToDictionary(c => c.Id, c => c.Slug));

    [Fact]
    public void Every_claim_has_a_source_a_caveat_a_quote_and_reasoning()
    {
        Assert.All(_fixture.Content.Claims, c =>
        {
            Assert.NotEmpty(c.Sources);
            Assert.NotEmpty(c.CaveatsHtml);
            Assert.False(string.IsNullOrWhiteSpace(c.ArticleQuote));
            Assert.False(string.IsNullOrWhiteSpace(c.LevelReasoning));
            Assert.False(string.IsNullOrWhiteSpace(c.SummaryText));
        });
    }

    [Fact]
    public void Every_source_is_cited_by_a_claim()
    {
        var cited = _fixture.Content.Claims.SelectMany(c => c.Sources.Select(s => s.Key)).ToHashSet();

        Assert.DoesNotContain(_fixture.Content.Sources, s => !cited.Contains(s.Key));
    }

    [Fact]
    public void The_article_statements_of_uncertainty_forecasts_and_advice_are_claims_too()
    {
        var kinds = _fixture.Content.Claims.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(kinds["uncertainty"] >= 3);
        Assert.True(kinds["forecast"] >= 3);
        Assert.True(kinds["advice"] >= 1);
        Assert.Contains(_fixture.Content.Claims, c => c.ArticleQuote.Contains("strong link", StringComparison.Ordinal));
    }

    [Fact]
    public void A_contradicting_source_is_listed_not_hidden() =>
        Assert.Contains(_fixture.Content.Claims, c => c.Sources.Any(s => s.Relation == SourceRelations.Contradicts));

    [Fact]
    public async Task Counts_per_level_and_condition_on_the_site_match_the_content()
    {
        using var client = _fixture.App.NewClient();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var list = await client.GetFromJsonAsync<ClaimListResponse>(new Uri("/api/claims", UriKind.Relative), json, Ct);

        Assert.Equal(_fixture.Content.Claims.Count, list!.Total);
        foreach (var level in _fixture.Content.Levels)
        {
            Assert.Equal(_fixture.Content.Claims.Count(c => c.Evidence == level.Slug), list.LevelCounts.Single(l => l.Slug == level.Slug).Count);
        }

        foreach (var condition in _fixture.Content.Conditions)
        {
            var expected = _fixture.Content.Claims.Count(c => c.Conditions.Contains(condition.Slug));
            Assert.Equal(expected, list.ConditionCounts.Single(c => c.Slug == condition.Slug).Count);
            var html = await client.GetStringAsync(new Uri("/claims?condition=" + condition.Slug, UriKind.Relative), Ct);
            Assert.Contains($"<h2 id=\"result-count\">{expected} {(expected == 1 ? "claim" : "claims")}</h2>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_sources_page_lists_every_source_with_its_claims_and_unverified_ids_unlinked()
    {
        using var client = _fixture.App.NewClient();
        var html = await client.GetStringAsync(new Uri("/sources", UriKind.Relative), Ct);

        Assert.All(_fixture.Content.Sources, s => Assert.Contains($"id=\"source-{s.Key}\"", html, StringComparison.Ordinal));
        Assert.Contains("DOI 10.1093/humrep/dez041 <span class=\"unverified\">(unverified)</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://doi.org/10.1093/humrep/dez041", html, StringComparison.Ordinal);
        Assert.Contains("contradicts <a href=\"/claims/endometriosis-microbiome-differs\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_marks_every_claim_in_place_and_each_claim_links_back()
    {
        using var client = _fixture.App.NewClient();
        var article = await client.GetStringAsync(new Uri("/article", UriKind.Relative), Ct);

        Assert.All(_fixture.Content.Claims, c => Assert.Contains($"id=\"claim-{c.Slug}\"", article, StringComparison.Ordinal));
        Assert.All(_fixture.Content.Article!.Sections, s => Assert.Contains($">{WebUtility.HtmlEncode(s.Heading)}</h2>", article, StringComparison.Ordinal));
        Assert.Contains("<li class=\"sentence sentence-marked\" id=\"sentence-7.1\">", article, StringComparison.Ordinal);
        Assert.Contains("Not checkable (question):</span>", article, StringComparison.Ordinal);
        Assert.Contains("Part of claim C8:</span>", article, StringComparison.Ordinal);
        var claim = await client.GetStringAsync(new Uri("/claims/future-fmt", UriKind.Relative), Ct);
        Assert.Contains("<a href=\"/article#claim-future-fmt\">where this appears in the article</a>", claim, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_about_page_renders_from_content_and_says_it_is_not_medical_advice()
    {
        using var client = _fixture.App.NewClient();
        var response = await client.GetAsync(new Uri("/about", UriKind.Relative), Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>About MicrobiomePain</h1>", html, StringComparison.Ordinal);
        Assert.Contains("This is not medical advice.", html, StringComparison.Ordinal);
        Assert.Contains("How evidence levels are assigned", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_about_and_article_pages_state_the_coverage_counted_from_the_record()
    {
        using var client = _fixture.App.NewClient();
        var record = _fixture.Content.Article!;
        var total = record.Sections.Count + record.Sentences.Count();
        var inClaims = record.Sentences.Count(s => s.IsPartOfClaim);
        var expected = $"The article has {total} sentences, headings and questions included: {inClaims} claims or parts of one, {total - inClaims} not checkable (";

        foreach (var page in new[] { "/about", "/article" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(page, UriKind.Relative), Ct));
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.Contains($"heading: {record.Sections.Count}", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_claim_where_the_article_overstates_shows_what_the_studies_show()
    {
        using var client = _fixture.App.NewClient();
        var html = await client.GetStringAsync(new Uri("/claims/metronidazole-endometriosis-lesions-mice", UriKind.Relative), Ct);

        Assert.Contains("What the article says vs what the studies show", html, StringComparison.Ordinal);
        Assert.Contains("Bacteroidetes", html, StringComparison.Ordinal);
        Assert.True(_fixture.Content.Claims.Count(c => c.HypeGap is not null) >= 8, "the article's overstatements are recorded");
    }
}
