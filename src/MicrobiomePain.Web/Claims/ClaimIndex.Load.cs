using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

// Loading: an index is read once per store version (its rows never change) and owned by that version
// (StoreVersion.Index), so it lives exactly as long as the version is in use and no static cache holds store data.
public sealed partial class ClaimIndex
{
    private static readonly ClaimSort[] StoredOrders = [ClaimSort.Strength, ClaimSort.Title, ClaimSort.Reviewed, ClaimSort.Overstatement];

    /// <summary>
    /// The index of the store this context reads: its version's, loaded by the first request that needs it. A context
    /// made by hand, without a version (tools, a few tests), gets a fresh index read through it.
    /// </summary>
    public static Task<ClaimIndex> ForAsync(ClaimStoreContext db, CancellationToken ct) =>
        db.Version is { } version ? version.Index.GetAsync(db, ct) : LoadAsync(db);

    /// <summary>
    /// Reads the index from a store: the vocabulary, each claim's values in every filter dimension (<see cref="ClaimFacts"/>),
    /// the sort orders and the search index (about 0.4 s at 100k claims).
    /// </summary>
    public static async Task<ClaimIndex> LoadAsync(ClaimStoreContext db)
    {
        var levels = await db.EvidenceLevels.OrderBy(l => l.Rank)
            .Select(l => new LevelBadge(l.Slug, l.Name, l.Symbol, l.Rank)).ToListAsync();
        var conditions = await db.Conditions.OrderBy(c => c.Position)
            .Select(c => new ConditionRef(c.Slug, c.Name)).ToListAsync();

        var facets = (await db.FacetTerms.OrderBy(t => t.Facet).ThenBy(t => t.Position).ToListAsync())
            .GroupBy(t => t.Facet)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FacetTerm>)g.Select(t => new FacetTerm(t.Slug, t.Name)).ToList(), StringComparer.Ordinal);
        var vocabulary = new FilterVocabulary(levels, conditions) { Facets = facets };

        // Every claim's facts in one read of the claims table, and its conditions from one query per condition.
        var facts = await db.Claims.OrderBy(c => c.Number)
            .Select(c => new ClaimFacts(c.Number, c.LevelRank, c.CertaintyRank, c.Verdict, c.Kind)).ToListAsync();
        var numbers = facts.Select(f => f.Number).ToArray();
        var sets = new List<string>[numbers.Length];
        foreach (var condition in conditions)
        {
            foreach (var number in await db.ClaimConditions.Where(cc => cc.ConditionSlug == condition.Slug).Select(cc => cc.ClaimNumber).ToListAsync())
            {
                (sets[Array.BinarySearch(numbers, number)] ??= []).Add(condition.Slug);
            }
        }

        for (var i = 0; i < facts.Count; i++)
        {
            facts[i] = facts[i] with { Conditions = sets[i] ?? [] };
        }

        var orders = new Dictionary<ClaimSort, int[]>();
        foreach (var sort in StoredOrders)
        {
            var ordered = await ClaimQuery.Order(db.Claims, sort).Select(c => c.Number).ToListAsync();
            orders[sort] = ordered.Select(n => Array.BinarySearch(numbers, n)).ToArray();
        }

        SearchIndex search;
        await db.Database.OpenConnectionAsync();
        try
        {
            search = await SearchIndex.LoadAsync(db.Database.GetDbConnection(), CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // The prose pages that put themselves in the site's navigation (front matter 'nav'), in file-name order.
        var navigation = await db.Pages.Where(p => p.Nav != null && p.Path != null).OrderBy(p => p.Slug)
            .Select(p => new NavLink(p.Path!, p.Nav!)).ToListAsync();

        return new ClaimIndex(vocabulary, facts, orders, search) { Navigation = navigation };
    }
}

/// <summary>A link in the site's navigation that content adds: a prose page's address and its link text.</summary>
public sealed record NavLink(string Path, string Text);

/// <summary>
/// The <see cref="ClaimIndex"/> of one store version. The first request to need it loads it through that request's
/// context (so EF's model and compiled queries are shared) and finishes the load whatever its cancellation token says,
/// so the context outlives the load; requests arriving meanwhile wait for that load, or give up when their own request
/// is cancelled. A failed load (e.g. a store file replaced meanwhile) is retried by the next request, not remembered.
/// </summary>
public sealed class ClaimIndexSlot
{
    private readonly Lock _gate = new();
    private Task<ClaimIndex>? _index;

    public async Task<ClaimIndex> GetAsync(ClaimStoreContext db, CancellationToken ct)
    {
        TaskCompletionSource<ClaimIndex>? loading = null;
        Task<ClaimIndex> index;
        lock (_gate)
        {
            if (_index is null || _index.IsFaulted || _index.IsCanceled)
            {
                loading = new TaskCompletionSource<ClaimIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
                _index = loading.Task;
            }

            index = _index;
        }

        if (loading is null)
        {
            return await index.WaitAsync(ct);
        }

        try
        {
            loading.SetResult(await ClaimIndex.LoadAsync(db));
        }
        catch (Exception ex)
        {
            loading.SetException(ex);
        }

        return await index;
    }
}
