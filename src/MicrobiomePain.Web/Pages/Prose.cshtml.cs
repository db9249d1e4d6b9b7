using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Pages;

/// <summary>
/// Prose written in content Markdown and rendered into the store: /about (content/pages/about.md) and /article
/// (content/article.md, the walk-through), /evidence/method (content/pages/method.md). The path names the page.
/// </summary>
public sealed class ProseModel(ClaimStoreContext db) : PageModel
{
    public PageRow Prose { get; private set; } = null!;

    /// <summary>On /article: how many overstatements there are and where they entered; null on other pages.</summary>
    public MicrobiomePain.Web.Claims.OverstatementCounts? Overstatements { get; private set; }
    /// <summary>The overstatement line shown on /article; null on other pages.</summary>
    public MicrobiomePain.Web.Claims.OverstatementSummary? Overstatement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The page is named by the last path segment: /evidence/method is content/pages/method.md.
        var slug = (Request.Path.Value ?? "").Trim('/').Split('/')[^1];
        var page = await db.Pages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
        {
            return NotFound();
        }

        Prose = page;
        if (slug == "article")
        {
            Overstatements = await MicrobiomePain.Web.Claims.ClaimQuery.OverstatementsAsync(db, ct);
        }

        Overstatement = slug == "article" ? await MicrobiomePain.Web.Claims.ClaimQuery.OverstatementAsync(db, ct) : null;
        return Page();
    }
}
