using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Conditions;

public sealed class ConditionModel(ClaimStoreContext db) : PageModel
{
    public ConditionPage Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await ClaimQuery.ConditionAsync(db, slug, ct) is not { } page)
        {
            return NotFound();
        }

        Result = page;
        return Page();
    }
}
