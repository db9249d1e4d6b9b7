using MicrobiomePain.Web.Content;
using Microsoft.EntityFrameworkCore;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

// The whole-collection views (map, conditions, levels). Their counts and groups come from the claim index, the same
// selection the filtered list uses, so a number here is the number of claims its link lists, at any size.
public static partial class ClaimQuery
{
    /// <summary>Claims per (condition, level), each cell linking to the list it counts; computed from the claim index.</summary>
    public static async Task<EvidenceMatrix> MatrixAsync(ClaimStoreContext db, FilterVocabulary vocabulary, CancellationToken ct = default)
    {
        var index = await ClaimIndex.ForAsync(db, ct);
        var rows = vocabulary.Conditions.Select(condition =>
        {
            var byLevel = index.Select(ClaimFilter.All with { Conditions = [condition.Slug] }, null, 0, 0).ByLevel;
            return new MatrixRow(
                condition,
                vocabulary.Levels.Select(level => new MatrixCell(
                    level,
                    byLevel.GetValueOrDefault(level.Slug),
                    ClaimFilter.All with { Conditions = [condition.Slug], Levels = [level.Slug] })).ToList());
        }).ToList();
        return new EvidenceMatrix(vocabulary.Levels, rows);
    }

    /// <summary>The certainty view of the map: claims per condition and certainty, from the same index as every list.</summary>
    public static async Task<CertaintyMatrix> CertaintyMatrixAsync(ClaimStoreContext db, FilterVocabulary vocabulary, CancellationToken ct = default)
    {
        var index = await ClaimIndex.ForAsync(db, ct);
        var certainties = CertaintyBadge.All.Where(c => c.Slug != CertaintyBadge.NotGradedSlug || index.Select(ClaimFilter.All with { Certainties = [c.Slug] }, null, 0, 0).Total > 0).ToList();
        var rows = vocabulary.Conditions.Select(condition =>
        {
            var byCertainty = index.Select(ClaimFilter.All with { Conditions = [condition.Slug] }, null, 0, 0).ByCertainty;
            return new CertaintyMatrixRow(
                condition,
                certainties.Select(c => new CertaintyMatrixCell(
                    c, byCertainty.GetValueOrDefault(c.Slug), ClaimFilter.All with { Conditions = [condition.Slug], Certainties = [c.Slug] })).ToList());
        }).ToList();
        return new CertaintyMatrix(certainties, rows);
    }

    /// <summary>How many graded claims the article overstates, and by how many steps on average (one query).</summary>
    public static async Task<OverstatementSummary> OverstatementAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var steps = await db.Claims.Where(c => c.Overstatement != null).Select(c => c.Overstatement!.Value).ToListAsync(ct);
        var over = steps.Where(s => s > 0).ToList();
        return new OverstatementSummary(steps.Count, over.Count, over.Count == 0 ? 0 : over.Average());
    }

    public static Task<List<ConditionSummary>> ConditionsAsync(ClaimStoreContext db, CancellationToken ct = default) =>
        ConditionSummariesAsync(db, db.Conditions, ct);

    /// <summary>
    /// Claims shown in each level group on a condition's page and on /evidence. A longer group shows its first claims and
    /// links to the claim list filtered to it, so these pages stay readable (and their cost bounded) however many
    /// claims there are: the groups come from the claim index, not from reading every claim.
    /// </summary>
    public const int GroupSize = 20;

    /// <summary>A condition with its claims grouped by level, strongest first; null for an unknown slug.</summary>
    public static async Task<ConditionPage?> ConditionAsync(ClaimStoreContext db, string slug, CancellationToken ct = default)
    {
        var condition = (await ConditionSummariesAsync(db, db.Conditions.Where(c => c.Slug == slug), ct)).FirstOrDefault();
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
            s.Selection.Numbers.Select(n => summaries[new ClaimId(n).ToString()]).ToList(),
            s.Selection.Total,
            Site.Links.ClaimList(s.Filter))).ToList();
    }

    /// <summary>Conditions with their descriptions (SQL, a few rows) and claim counts (the claim index, no scan).</summary>
    private static async Task<List<ConditionSummary>> ConditionSummariesAsync(ClaimStoreContext db, IQueryable<ConditionRow> conditions, CancellationToken ct)
    {
        var counts = (await ClaimIndex.ForAsync(db, ct)).Select(ClaimFilter.All, null, 0, 0).ByCondition;
        return (await conditions.OrderBy(c => c.Position).Select(c => new { c.Slug, c.Name, c.Description }).ToListAsync(ct))
            .Select(c => new ConditionSummary(c.Slug, c.Name, c.Description, counts.GetValueOrDefault(c.Slug)))
            .ToList();
    }
}
