using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Pages;

/// <summary>
/// Prose written in content Markdown and rendered into the store: /about (content/pages/about.md) and /evidence/method
/// (content/pages/method.md). The path names the page. /article has its own page (<see cref="ArticleModel"/>).
/// </summary>
public sealed class ProseModel(ClaimStoreContext db) : PageModel
{
    public PageRow Prose { get; private set; } = null!;

    /// <summary>On /about: how many of the article's sentences are claims, computed from the record; null elsewhere.</summary>
    public ArticleCoverage? Coverage { get; private set; }

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
        Coverage = slug == "about" ? await ClaimQuery.CoverageAsync(db, ct) : null;
        return Page();
    }
}
