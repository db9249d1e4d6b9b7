using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Citations;

/// <summary>
/// The citation downloads' writers (declared, with their paths and media types, in <see cref="ExportRegistry"/>) and
/// the permanent /claims/by-id/{id} address.
/// </summary>
public static class CitationEndpoints
{
    public static WebApplication MapCitations(this WebApplication app)
    {
        app.MapGroup("/claims").WithTags("Citations").CacheContent().MapGet("/by-id/{id}", async (string id, ClaimStoreContext db, CancellationToken ct) =>
                await ClaimQuery.SlugForIdAsync(db, id, ct) is { } slug
                    ? Results.Redirect(Links.Claim(slug), permanent: true)
                    : Results.NotFound())
            .WithSummary("Permanent address of a claim by its id (e.g. C7): 301 to its current slug.")
            .Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound);
        return app;
    }

    public static Task<IResult> BibTeX(string slug, HttpContext context, ClaimStoreContext db, CancellationToken ct) =>
        Cite(slug, context, db, ExportRegistry.CiteBibTeX, "bib", x => x.BibTeX(), ct);

    public static Task<IResult> Ris(string slug, HttpContext context, ClaimStoreContext db, CancellationToken ct) =>
        Cite(slug, context, db, ExportRegistry.CiteRis, "ris", x => x.Ris(), ct);

    public static Task<IResult> CslJson(string slug, HttpContext context, ClaimStoreContext db, CancellationToken ct) =>
        Cite(slug, context, db, ExportRegistry.CiteCslJson, "json", x => x.CslJson(), ct);

    private static async Task<IResult> Cite(
        string slug, HttpContext context, ClaimStoreContext db, Export export, string extension, Func<ClaimCitation, string> format, CancellationToken ct)
    {
        var lookup = await ClaimQuery.FindAsync(db, slug, ct);
        if (lookup.RedirectToSlug is { } current)
        {
            return Results.Redirect(export.Path(current), permanent: true);
        }

        if (lookup.Claim is not { } claim)
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{claim.Slug}.{extension}\"";
        return Results.Text(format(ClaimCitation.For(claim, SiteUrls.Absolute(context, Links.Claim(claim.Slug)))), export.MediaType + "; charset=utf-8");
    }
}
