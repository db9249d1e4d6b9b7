using Microsoft.EntityFrameworkCore;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

// The whole-collection views (map, conditions, levels). They still select and order claims through
// Apply/Order/SummariesAsync, so a claim appears here exactly as it would in the filtered list.
public static partial class ClaimQuery
{
    /// <summary>Counts claims per (condition, level) in one grouped SQL query; empty cells are filled in from the vocabulary.</summary>
    public static async Task<EvidenceMatrix> MatrixAsync(ClaimStoreContext db, FilterVocabulary vocabulary, CancellationToken ct = default)
    {
        var counts = await (
                from cc in db.ClaimConditions
                join c in db.Claims on cc.ClaimNumber equals c.Number
                group cc by new { cc.ConditionSlug, c.LevelSlug } into g
                select new { g.Key.ConditionSlug, g.Key.LevelSlug, Count = g.Count() })
            .ToDictionaryAsync(x => (x.ConditionSlug, x.LevelSlug), x => x.Count, ct);

        var rows = vocabulary.Conditions.Select(condition => new MatrixRow(
            condition,
            vocabulary.Levels.Select(level => new MatrixCell(
                level,
                counts.GetValueOrDefault((condition.Slug, level.Slug)),
                ClaimFilter.All with { Conditions = [condition.Slug], Levels = [level.Slug] })).ToList())).ToList();
        return new EvidenceMatrix(vocabulary.Levels, rows);
    }

    public static Task<List<ConditionSummary>> ConditionsAsync(ClaimStoreContext db, CancellationToken ct = default) =>
        ConditionSummaries(db.Conditions, db).ToListAsync(ct);

    /// <summary>A condition with its claims grouped by level, strongest first; null for an unknown slug.</summary>
    public static async Task<ConditionPage?> ConditionAsync(ClaimStoreContext db, string slug, CancellationToken ct = default)
    {
        var condition = await ConditionSummaries(db.Conditions.Where(c => c.Slug == slug), db).FirstOrDefaultAsync(ct);
        if (condition is null)
        {
            return null;
        }

        var filter = ClaimFilter.All with { Conditions = [slug] };
        var claims = await SummariesAsync(db, Order(Apply(db, filter), ClaimSort.Strength), ct);
        var groups = claims.GroupBy(c => c.Level).Select(g => new LevelGroup(g.Key, g.ToList())).ToList();
        return new ConditionPage(condition, groups);
    }

    /// <summary>Every level, weakest first (the order the scale is read in), with what it means, what would move a claim up, and its claims.</summary>
    public static async Task<List<LevelExplained>> LevelsAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var levels = await db.EvidenceLevels.OrderBy(l => l.Rank)
            .Select(l => new { Badge = new LevelBadge(l.Slug, l.Name, l.Symbol, l.Rank), l.Description, l.MoveUp })
            .ToListAsync(ct);
        var claims = await SummariesAsync(db, Order(db.Claims, ClaimSort.Strength), ct);
        return levels.Select(l => new LevelExplained(
            l.Badge, l.Description, l.MoveUp, claims.Where(c => c.Level.Slug == l.Badge.Slug).ToList())).ToList();
    }

    private static IQueryable<ConditionSummary> ConditionSummaries(IQueryable<ConditionRow> conditions, ClaimStoreContext db) =>
        conditions.OrderBy(c => c.Position).Select(c => new ConditionSummary(
            c.Slug, c.Name, c.Description, db.ClaimConditions.Count(cc => cc.ConditionSlug == c.Slug)));
}
