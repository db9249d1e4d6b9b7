using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicrobiomePain.Web.Api;

/// <summary>The JSON API: the same filters, search, sort and paging as /claims, through the same parser and query.</summary>
public static class ApiSetup
{
    /// <summary>"condition (repeatable), evidence (repeatable), min, …": the filter parameters, from <see cref="FilterDimensions.All"/>.</summary>
    private static readonly string FilterWordsList = string.Join(", ", FilterDimensions.All.SelectMany(d =>
        d.Minimum is { Word: var min } ? [$"{d.Word} (repeatable)", min] : new[] { $"{d.Word} (repeatable)" }));

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapOpenApi().CacheContent();
        var api = app.MapGroup("/api").WithTags("Claims").CacheContent();

        api.MapGet("/claims", ListClaims)
            .WithName("ListClaims")
            .WithSummary($"Claims matching the filters: {FilterWordsList}, q, sort, page — as on /claims. Each item carries its certainty, each domain's step and the overstatement, or (a claim about the research) its verdict.")
            .WithFilterParameters()
            .Produces<ClaimListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/claims/{slug}", GetClaim)
            .WithName("GetClaim")
            .WithSummary("One claim with its level, certainty (how it was graded, domain by domain), overstatement, caveats and sources; an old slug redirects (301) to the current one.")
            .Produces<ClaimDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/conditions", async (ClaimStoreContext db, CancellationToken ct) => TypedResults.Ok(await ClaimQuery.ConditionsAsync(db, ct)))
            .WithName("ListConditions").WithSummary("Conditions with their claim counts.");
        api.MapGet("/evidence-levels", async (ClaimStoreContext db, CancellationToken ct) =>
                TypedResults.Ok((await ClaimQuery.LevelsAsync(db, ct)).Select(l => new EvidenceLevelResponse(l.Level, l.Description, l.MoveUp, l.Group.Total))))
            .WithName("ListEvidenceLevels").WithSummary("The evidence scale, weakest first, with claim counts.");
        api.MapGet("/sources", async (ClaimStoreContext db, CancellationToken ct) => TypedResults.Ok(await ClaimQuery.SourcesAsync(db, ct)))
            .WithName("ListSources").WithSummary("The bibliography, each source with the claims that cite it and how.");
        return app;
    }

    private static async Task<IResult> ListClaims(HttpRequest request, ClaimStoreContext db, CancellationToken ct)
    {
        var read = await ClaimFilterRequest.ReadAsync(db, request.Query, ct);
        if (!read.Understood)
        {
            return read.Problem();
        }

        var filter = read.Filter;
        var page = await ClaimQuery.ListAsync(db, filter, read.Vocabulary, ct);
        if (page.IsPastTheEnd)
        {
            return TypedResults.Problem(statusCode: 404, title: "Page not found", detail: $"There are {page.PageCount} page(s) for this filter.");
        }

        return TypedResults.Ok(new ClaimListResponse(
            page.Total, filter.Page, page.PageCount, ClaimFilter.PageSize, Links.ClaimList(filter),
            page.Items, page.ConditionCounts, page.LevelCounts)
        {
            CertaintyCounts = page.CertaintyCounts,
            Search = page.Search,
            VerdictCounts = page.VerdictCounts,
            Facets = page.Facets.ToDictionary(f => f.Dimension.Word, f => f.Counts),
        });
    }

    private static async Task<IResult> GetClaim(string slug, ClaimStoreContext db, CancellationToken ct)
    {
        // Checked here, not by the {slug:slug} route constraint: a route that does not match answers the site's HTML 404
        // page, while the API answers a problem+json that names the slug it was given.
        if (!Content.ClaimParser.IsValidSlug(slug))
        {
            return NotFound(slug);
        }

        var lookup = await ClaimQuery.FindAsync(db, slug, ct);
        return lookup switch
        {
            { Claim: { } claim } => TypedResults.Ok(claim),
            { RedirectToSlug: { } current } => TypedResults.Redirect(Links.ApiClaim(current), permanent: true),
            _ => NotFound(slug),
        };
    }

    private static ProblemHttpResult NotFound(string slug) =>
        TypedResults.Problem(statusCode: 404, title: "Claim not found", detail: $"No claim has the slug '{slug}'.");
}

public sealed record ClaimListResponse(
    int Total,
    int Page,
    int PageCount,
    int PageSize,
    string HtmlUrl,
    IReadOnlyList<ClaimSummary> Items,
    IReadOnlyList<FacetCount> ConditionCounts,
    IReadOnlyList<FacetCount> LevelCounts)
{
    /// <summary>Claims per certainty, counted as the list page counts them.</summary>
    public IReadOnlyList<FacetCount> CertaintyCounts { get; init; } = [];

    /// <summary>Claims per accuracy verdict (claims about the research), counted as the list page counts them.</summary>
    public IReadOnlyList<FacetCount> VerdictCounts { get; init; } = [];

    /// <summary>Claims per choice of every filter dimension, by its query word (condition, evidence, certainty, verdict, kind),
    /// each counted as the list page counts it; the lists above are the same counts under their first names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetCount>>();

    /// <summary>For a search (q): the words looked for, whether the claims listed have only some of them (fallback), the
    /// synonyms searched for, and near searches when nothing matched. Absent without q.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SearchSummary? Search { get; init; }
}

public sealed record EvidenceLevelResponse(LevelBadge Level, string Description, string MoveUp, int ClaimCount);
