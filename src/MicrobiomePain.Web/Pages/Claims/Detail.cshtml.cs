using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Claims;

public sealed class ClaimDetailModel(ClaimStoreContext db) : PageModel
{
    public ClaimDetail Claim { get; private set; } = null!;

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
        return Page();
    }
}
