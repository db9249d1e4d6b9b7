using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Pages;

/// <summary>
/// Every prose page of content/pages/*.md, at the address its front matter gives (path: /about). The route catches every
/// path no other endpoint answers (a catch-all is the router's last choice), so a page added or moved by a content reload
/// is served without code or a restart, and an address that is no page's is the site's 404 page. /article has its own page
/// (<see cref="ArticleModel"/>).
/// </summary>
public sealed class ProseModel(ClaimStoreContext db) : PageModel
{
    public PageRow Prose { get; private set; } = null!;

    /// <summary>On the about page: how many of the article's sentences are claims, computed from the record; null elsewhere.</summary>
    public ArticleCoverage? Coverage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken ct)
    {
        // A path that cannot be a page's (a missing asset, a mistyped API call) is answered without asking the store.
        var address = "/" + (path ?? "").TrimEnd('/').ToLowerInvariant();
        if (PagePaths.Problem(address) is not null)
        {
            return NotFound();
        }

        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Path == address, ct);
        if (page is null)
        {
            return NotFound();
        }

        Prose = page;
        Coverage = page.Slug == "about" ? await ClaimQuery.CoverageAsync(db, ct) : null;
        return Page();
    }
}
