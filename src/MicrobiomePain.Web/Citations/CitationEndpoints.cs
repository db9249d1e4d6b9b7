using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Citations;

/// <summary>Citation downloads for a claim, and the permanent /claims/by-id/{id} address.</summary>
public static class CitationEndpoints
{
    public static WebApplication MapCitations(this WebApplication app)
    {
        var group = app.MapGroup("/claims").WithTags("Citations").CacheContent();
        group.MapGet("/{slug:slug}/cite.bib", (string slug, HttpContext c, ClaimStoreContext db, CancellationToken ct) =>
            Cite(slug, c, db, "cite.bib", x => Results.Text(x.BibTeX(), "application/x-bibtex; charset=utf-8"), ct))
            .Produces<string>(StatusCodes.Status200OK, "application/x-bibtex").Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{slug:slug}/cite.ris", (string slug, HttpContext c, ClaimStoreContext db, CancellationToken ct) =>
            Cite(slug, c, db, "cite.ris", x => Results.Text(x.Ris(), "application/x-research-info-systems; charset=utf-8"), ct))
            .Produces<string>(StatusCodes.Status200OK, "application/x-research-info-systems").Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        group.MapGet("/{slug:slug}/cite.json", (string slug, HttpContext c, ClaimStoreContext db, CancellationToken ct) =>
            Cite(slug, c, db, "cite.json", x => Results.Text(x.CslJson(), "application/vnd.citationstyles.csl+json; charset=utf-8"), ct))
            .Produces<string>(StatusCodes.Status200OK, "application/vnd.citationstyles.csl+json").Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        group.MapGet("/by-id/{id}", async (string id, ClaimStoreContext db, CancellationToken ct) =>
                await ClaimQuery.SlugForIdAsync(db, id, ct) is { } slug
                    ? Results.Redirect(Links.Claim(slug), permanent: true)
                    : Results.NotFound())
            .WithSummary("Permanent address of a claim by its id (e.g. C7): 301 to its current slug.")
            .Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Cite(
        string slug, HttpContext context, ClaimStoreContext db, string file, Func<ClaimCitation, IResult> format, CancellationToken ct)
    {
        var lookup = await ClaimQuery.FindAsync(db, slug, ct);
        if (lookup.RedirectToSlug is { } current)
        {
            return Results.Redirect(Links.Citation(current, file), permanent: true);
        }

        if (lookup.Claim is not { } claim)
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{claim.Slug}.{file["cite.".Length..]}\"";
        return format(ClaimCitation.For(claim, SiteUrls.Absolute(context, Links.Claim(claim.Slug))));
    }
}
