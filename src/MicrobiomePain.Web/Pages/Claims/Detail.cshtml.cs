using MicrobiomePain.Web.Citations;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Claims;

public sealed class ClaimDetailModel(ClaimStoreContext db) : PageModel
{
    public ClaimDetail Claim { get; private set; } = null!;

    public ClaimCitation Citation { get; private set; } = null!;

    public IReadOnlyList<ClaimSummary> Related { get; private set; } = [];

    /// <summary>schema.org ClaimReview, already serialised with HTML-sensitive characters escaped.</summary>
    public string ClaimReviewJson { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!ClaimParser.IsValidSlug(slug))
        {
            return NotFound();
        }

        var lookup = await ClaimQuery.FindAsync(db, slug, ct);
        if (lookup.RedirectToSlug is { } current)
        {
            // An old slug kept in 'aliases': links made before a rename keep working.
            return RedirectPermanent($"/claims/{current}");
        }

        if (lookup.Claim is null)
        {
            return NotFound();
        }

        Claim = lookup.Claim;
        var url = SiteUrls.Absolute(HttpContext, "/claims/" + Claim.Slug);
        Citation = ClaimCitation.For(Claim, url);
        Related = await ClaimQuery.RelatedAsync(db, Claim, ct: ct);
        var (worst, best) = await ClaimQuery.RankRangeAsync(db, ct);
        ClaimReviewJson = ClaimStructuredData.ClaimReviewJson(Claim, url, SiteUrls.Absolute(HttpContext, "/"), best, worst);
        return Page();
    }
}
