using MicrobiomePain.Web.Citations;
using MicrobiomePain.Web.Claims;
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

    /// <summary>The list the reader came from (from ?from=…), when it is a valid filter state; otherwise the full list.</summary>
    public (string Url, string Label) BackToList { get; private set; } = (Links.Claims, "All claims");

    /// <summary>schema.org ClaimReview, already serialised with HTML-sensitive characters escaped.</summary>
    public string ClaimReviewJson { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string? from, CancellationToken ct)
    {
        var lookup = await ClaimQuery.FindAsync(db, slug, ct);
        if (lookup.RedirectToSlug is { } current)
        {
            // An old slug kept in 'aliases': links made before a rename keep working.
            return RedirectPermanent(Links.Claim(current));
        }

        if (lookup.Claim is null)
        {
            return NotFound();
        }

        Claim = lookup.Claim;
        var url = SiteUrls.Absolute(HttpContext, Links.Claim(Claim.Slug));
        Citation = ClaimCitation.For(Claim, url);
        Related = await ClaimQuery.RelatedAsync(db, Claim, ct: ct);
        if (from is { Length: > 0 and <= 600 })
        {
            // A bad or stale list state is not an error on a claim page: the breadcrumb then points to all claims.
            var read = await ClaimFilterRequest.ReadAsync(db, from, ct);
            if (read.Understood && read.Filter.IsFiltered)
            {
                BackToList = (Links.ClaimList(read.Filter), FilterWords.Describe(read.Filter, read.Vocabulary).Breadcrumb());
            }
        }

        var (worst, best) = await ClaimQuery.RankRangeAsync(db, ct);
        ClaimReviewJson = ClaimStructuredData.ClaimReviewJson(Claim, url, SiteUrls.Absolute(HttpContext, Links.Home), best, worst);
        return Page();
    }
}
