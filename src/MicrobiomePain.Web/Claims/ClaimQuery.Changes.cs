using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>Counts of where the article's overstatements entered, for /article.</summary>
public sealed record OverstatementCounts(int Total, int InAbstract, int InFeature, int InSummary);

public static partial class ClaimQuery
{
    /// <summary>Every change to every claim's review, newest first (ties: the claim's later change, then article order).</summary>
    public static Task<List<SiteChange>> ChangesAsync(ClaimStoreContext db, int max, CancellationToken ct = default) =>
        db.ClaimHistory
            .OrderByDescending(h => h.Date).ThenBy(h => h.ClaimNumber).ThenByDescending(h => h.Position)
            .Take(max)
            .Select(h => new SiteChange(h.Claim!.Id, h.Claim.Slug, h.Claim.Title, h.Position, h.Date, h.Change, h.Why))
            .ToListAsync(ct);

    /// <summary>How many claims carry an overstatement (a hype gap), and where each entered.</summary>
    public static async Task<OverstatementCounts> OverstatementsAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var entered = await db.Claims.Where(c => c.HypeGap != null).Select(c => c.TravelEntered).ToListAsync(ct);
        return new OverstatementCounts(
            entered.Count,
            entered.Count(e => e == "abstract"),
            entered.Count(e => e == "feature"),
            entered.Count(e => e == "summary"));
    }
}
