using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Pages;

/// <summary>/about, written in content/pages/about.md and rendered into the store like everything else.</summary>
public sealed class AboutModel(ClaimStoreContext db) : PageModel
{
    public PageRow Prose { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await db.Pages.FirstOrDefaultAsync(p => p.Slug == "about", ct);
        if (page is null)
        {
            return NotFound();
        }

        Prose = page;
        return Page();
    }
}
