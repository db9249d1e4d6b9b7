using MicrobiomePain.Web.Grading;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>One claim in the picture of the gap: how sure the article sounds and how sure the evidence is, on one axis (1-4).</summary>
public sealed record GapRow(string Id, string Slug, string Title, int Sounds, int Evidence, bool NoDirectEvidence, int Overstatement)
{
    public string SoundsName => Rung(Sounds);

    public string EvidenceName => NoDirectEvidence ? "no direct evidence (as very uncertain)" : Rung(Evidence);

    /// <summary>The shared axis: GRADE's wording for each certainty, which is also the hedging ladder of the article's words.</summary>
    public static string Rung(int step) => step switch
    {
        1 => "very uncertain",
        2 => "may (low)",
        3 => "probably (moderate)",
        _ => "unhedged (high)",
    };
}

/// <summary>The picture's model, built in one place from the store (one query over the graded claims).</summary>
public sealed record GapPicture(IReadOnlyList<GapRow> Rows)
{
    public static async Task<GapPicture> LoadAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var rows = await db.Claims.Where(c => c.ArticleStrength != null && c.CertaintyRank >= 0)
            .OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Slug, c.Title, c.ArticleStrength, c.CertaintyRank, c.Overstatement })
            .ToListAsync(ct);
        return new GapPicture(rows.Select(r => new GapRow(
            r.Id, r.Slug, r.Title, r.ArticleStrength!.Value, Math.Max(r.CertaintyRank, (int)Certainty.VeryLow),
            r.CertaintyRank == (int)Certainty.NoDirectEvidence, r.Overstatement ?? 0)).ToList());
    }
}

/// <summary>Renders Pages/Shared/_GapPicture.cshtml with its model, so a page includes the picture with one line.</summary>
public sealed class GapPictureViewComponent(ClaimStoreContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("/Pages/Shared/_GapPicture.cshtml", await GapPicture.LoadAsync(db, HttpContext.RequestAborted));
}
