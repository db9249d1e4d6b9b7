using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Pages;

/// <summary>
/// /article: the article sentence by sentence under its own headings (article.md's record), each row the claim it makes
/// or why it is not checkable; the title and introduction come from article.md's body.
/// </summary>
public sealed class ArticleModel(ClaimStoreContext db) : PageModel
{
    public PageRow Intro { get; private set; } = null!;

    public IReadOnlyList<ArticleSectionView> Sections { get; private set; } = [];

    public ArticleCoverage? Coverage { get; private set; }

    public OverstatementSummary Overstatement { get; private set; } = null!;

    public OverstatementCounts Overstatements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var intro = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == "article", ct);
        if (intro is null)
        {
            return NotFound();
        }

        Intro = intro;
        Sections = await ClaimQuery.ArticleAsync(db, ct);
        Coverage = await ClaimQuery.CoverageAsync(db, ct);
        Overstatement = await ClaimQuery.OverstatementAsync(db, ct);
        Overstatements = await ClaimQuery.OverstatementsAsync(db, ct);
        return Page();
    }
}
