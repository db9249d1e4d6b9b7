using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>A bibliography entry with the claims that cite it and how.</summary>
public sealed record SourceEntry(SourceCitation Source, IReadOnlyList<CitingClaim> Claims);

public sealed record CitingClaim(string Id, string Slug, string Title, LevelBadge Level, string Relation);

public static partial class ClaimQuery
{
    /// <summary>Every source, alphabetical by key, with the claims that cite it (two queries, no N+1).</summary>
    public static async Task<List<SourceEntry>> SourcesAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var sources = (await db.Sources.OrderBy(s => s.Key).ToListAsync(ct)).Select(s => SourceCitation.From(s, "", null)).ToList();
        var citations = await db.ClaimSources.OrderBy(cs => cs.Claim!.Number).Select(cs => new
            {
                cs.SourceKey,
                Claim = new CitingClaim(cs.Claim!.Id, cs.Claim.Slug, cs.Claim.Title,
                    new LevelBadge(cs.Claim.Level!.Slug, cs.Claim.Level.Name, cs.Claim.Level.Symbol, cs.Claim.Level.Rank), cs.Relation),
            })
            .ToListAsync(ct);
        var byKey = citations.ToLookup(c => c.SourceKey, c => c.Claim);
        return sources.Select(s => new SourceEntry(s, byKey[s.Key].ToList())).ToList();
    }
}

public static partial class ClaimQuery
{
    /// <summary>Claims read per query while streaming an export.</summary>
    public const int StreamBatch = 1000;

    /// <summary>
    /// Every claim matching a filter, in its sort order, without paging (for exports), capped at <paramref name="max"/>.
    /// The selection is made once; the summaries are read and handed on <see cref="StreamBatch"/> at a time, so an export
    /// of 100k claims never holds them all in memory (it held ~470 MB when it built the whole list first).
    /// </summary>
    public static async IAsyncEnumerable<ClaimSummary> AllAsync(
        ClaimStoreContext db, ClaimFilter filter, int max, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var numbers = (await SelectAsync(db, filter, 0, max, ct)).Numbers;
        for (var start = 0; start < numbers.Count; start += StreamBatch)
        {
            var batch = numbers.Skip(start).Take(StreamBatch).ToList();
            foreach (var summary in await SummariesInOrderAsync(db, batch, ct))
            {
                yield return summary;
            }
        }
    }
}

public static partial class ClaimQuery
{
    /// <summary>The current slug of the claim with this id ("C7"), or null.</summary>
    public static Task<string?> SlugForIdAsync(ClaimStoreContext db, string id, CancellationToken ct = default) =>
        db.Claims.Where(c => c.Id == id).Select(c => c.Slug).FirstOrDefaultAsync(ct);

    /// <summary>The lowest and highest rank of the evidence scale (for ratings such as ClaimReview's).</summary>
    public static async Task<(int Worst, int Best)> RankRangeAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var levels = (await VocabularyAsync(db, ct)).Levels;
        return (levels.Min(l => l.Rank), levels.Max(l => l.Rank));
    }
}

public static partial class ClaimQuery
{
    /// <summary>Up to <paramref name="take"/> other claims about the same conditions, nearest in evidence level first.</summary>
    public static async Task<List<ClaimSummary>> RelatedAsync(ClaimStoreContext db, ClaimDetail claim, int take = 4, CancellationToken ct = default)
    {
        // In memory (see ClaimIndex): in SQL this sorted every claim sharing a condition (43 ms a claim page at 10k claims).
        var index = await ClaimIndex.ForAsync(db, ct);
        var numbers = index.Related(ClaimId.Parse(claim.Id).Number, claim.Level.Rank, claim.Conditions.Select(c => c.Slug).ToList(), take);
        return await SummariesInOrderAsync(db, numbers, ct);
    }
}
