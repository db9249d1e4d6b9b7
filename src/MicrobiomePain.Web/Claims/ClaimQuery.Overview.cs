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

    /// <summary>
    /// Claims shown in each level group on a condition's page and on /evidence. A longer group shows its first claims and
    /// links to the claim list filtered to it, so these pages stay readable (and their cost bounded) however many
    /// claims there are: the groups come from the claim index, not from reading every claim.
    /// </summary>
    public const int GroupSize = 20;

    /// <summary>A condition with its claims grouped by level, strongest first; null for an unknown slug.</summary>
    public static async Task<ConditionPage?> ConditionAsync(ClaimStoreContext db, string slug, CancellationToken ct = default)
    {
        var condition = await ConditionSummaries(db.Conditions.Where(c => c.Slug == slug), db).FirstOrDefaultAsync(ct);
        if (condition is null)
        {
            return null;
        }

        var index = await ClaimIndex.ForAsync(db, ct);
        var groups = await GroupsAsync(db, index.Vocabulary.Levels.Reverse().Select(l => (l, ClaimFilter.All with { Conditions = [slug] })), ct);
        return new ConditionPage(condition, groups.Where(g => g.Total > 0).ToList());
    }

    /// <summary>Every level, weakest first (the order the scale is read in), with what it means, what would move a claim up, and its claims.</summary>
    public static async Task<List<LevelExplained>> LevelsAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var levels = await db.EvidenceLevels.OrderBy(l => l.Rank)
            .Select(l => new { Badge = new LevelBadge(l.Slug, l.Name, l.Symbol, l.Rank), l.Description, l.MoveUp })
            .ToListAsync(ct);
        var groups = await GroupsAsync(db, levels.Select(l => (l.Badge, ClaimFilter.All)), ct);
        return levels.Zip(groups, (l, g) => new LevelExplained(l.Description, l.MoveUp, g)).ToList();
    }

    /// <summary>One group per level, each the filter narrowed to that level; all groups' claims are read in one query.</summary>
    private static async Task<List<LevelGroup>> GroupsAsync(ClaimStoreContext db, IEnumerable<(LevelBadge Level, ClaimFilter Filter)> levels, CancellationToken ct)
    {
        var selections = new List<(LevelBadge Level, ClaimFilter Filter, ClaimSelection Selection)>();
        foreach (var (level, filter) in levels)
        {
            var narrowed = filter with { Levels = [level.Slug], Sort = ClaimSort.Article };
            selections.Add((level, narrowed, await SelectAsync(db, narrowed, 0, GroupSize, ct)));
        }

        var summaries = (await SummariesInOrderAsync(db, selections.SelectMany(s => s.Selection.Numbers).ToList(), ct)).ToDictionary(s => s.Id);
        return selections.Select(s => new LevelGroup(
            s.Level,
            s.Selection.Numbers.Select(n => summaries["C" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList(),
            s.Selection.Total,
            "/claims" + s.Filter.ToQueryString())).ToList();
    }

    private static IQueryable<ConditionSummary> ConditionSummaries(IQueryable<ConditionRow> conditions, ClaimStoreContext db) =>
        conditions.OrderBy(c => c.Position).Select(c => new ConditionSummary(
            c.Slug, c.Name, c.Description, db.ClaimConditions.Count(cc => cc.ConditionSlug == c.Slug)));
}
