using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

// Loading and caching: an index is read once per store file (its rows never change) and kept for the few most recently
// used stores, so a live reload or a test run with many stores cannot grow memory without bound.
public sealed partial class ClaimIndex
{
    private const int MaxStores = 4;
    private static readonly ClaimSort[] StoredOrders = [ClaimSort.Strength, ClaimSort.Title, ClaimSort.Reviewed];
    private static readonly Lock Gate = new();
    private static readonly List<(string Store, Task<ClaimIndex> Index)> Loaded = [];

    /// <summary>
    /// The index of the store this context reads (keyed by its connection string, which names the immutable store file).
    /// It is loaded on first use with its own context, so a cancelled request cannot break it for the others.
    /// </summary>
    public static Task<ClaimIndex> ForAsync(ClaimStoreContext db, CancellationToken ct)
    {
        var store = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The store context has no connection string.");
        Task<ClaimIndex> index;
        lock (Gate)
        {
            var at = Loaded.FindIndex(e => e.Store == store);
            if (at >= 0 && (Loaded[at].Index.IsFaulted || Loaded[at].Index.IsCanceled))
            {
                Loaded.RemoveAt(at); // a failed load (e.g. a store file replaced meanwhile) is retried, not remembered
                at = -1;
            }

            index = at >= 0 ? Loaded[at].Index : Task.Run(() => LoadAsync(store));
            if (at >= 0)
            {
                Loaded.RemoveAt(at);
            }

            Loaded.Add((store, index));
            if (Loaded.Count > MaxStores)
            {
                Loaded.RemoveAt(0);
            }
        }

        return index.WaitAsync(ct);
    }

    /// <summary>Reads the index from a store: the vocabulary, each claim's level and conditions, and the sort orders.</summary>
    public static async Task<ClaimIndex> LoadAsync(string connectionString)
    {
        await using var db = new ClaimStoreContext(StoreBuilder.Options(connectionString));
        var levels = await db.EvidenceLevels.OrderBy(l => l.Rank)
            .Select(l => new LevelBadge(l.Slug, l.Name, l.Symbol, l.Rank)).ToListAsync();
        var conditions = await db.Conditions.OrderBy(c => c.Position)
            .Select(c => new ConditionRef(c.Slug, c.Name)).ToListAsync();
        var claims = await db.Claims.OrderBy(c => c.Number).Select(c => new { c.Number, c.LevelSlug }).ToListAsync();
        var links = await db.ClaimConditions.OrderBy(cc => cc.ClaimNumber)
            .Select(cc => new { cc.ClaimNumber, cc.ConditionSlug }).ToListAsync();

        var levelOf = levels.Select((l, i) => (l.Slug, i)).ToDictionary();
        var conditionOf = conditions.Select((c, i) => (c.Slug, i)).ToDictionary();
        var numbers = claims.Select(c => c.Number).ToArray();
        var claimLevels = claims.Select(c => levelOf[c.LevelSlug]).ToArray();

        // Claims share few distinct condition sets (at most 2^conditions, 64 for six): give each set an id.
        var setIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<int[]>();
        var signatures = new int[numbers.Length];
        var link = 0;
        for (var i = 0; i < numbers.Length; i++)
        {
            var set = new List<int>();
            for (; link < links.Count && links[link].ClaimNumber == numbers[i]; link++)
            {
                set.Add(conditionOf[links[link].ConditionSlug]);
            }

            set.Sort();
            var key = string.Join(',', set);
            if (!setIds.TryGetValue(key, out var id))
            {
                setIds[key] = id = sets.Count;
                sets.Add([.. set]);
            }

            signatures[i] = id;
        }

        var orders = new Dictionary<ClaimSort, int[]>();
        foreach (var sort in StoredOrders)
        {
            var ordered = await ClaimQuery.Order(db.Claims, sort).Select(c => c.Number).ToListAsync();
            orders[sort] = ordered.Select(n => Array.BinarySearch(numbers, n)).ToArray();
        }

        return new ClaimIndex(new FilterVocabulary(levels, conditions), numbers, claimLevels, signatures, [.. sets], orders);
    }
}
