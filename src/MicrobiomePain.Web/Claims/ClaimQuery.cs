using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// The one place that turns a <see cref="ClaimFilter"/> into claims. Pages, the JSON API and exports all call
/// this, so the same URL gives the same claims in the same order everywhere.
/// </summary>
public static partial class ClaimQuery
{
    /// <summary>The levels and conditions of the store (read once per store version with its <see cref="ClaimIndex"/>).</summary>
    public static async Task<FilterVocabulary> VocabularyAsync(ClaimStoreContext db, CancellationToken ct = default) =>
        (await ClaimIndex.ForAsync(db, ct)).Vocabulary;

    /// <summary>
    /// What a filter selects: total, facet counts and the claim numbers from <paramref name="skip"/>, in the filter's order.
    /// A search and everything else come from the store's in-memory <see cref="ClaimIndex"/> (a search FTS5 must fold goes to FTS5).
    /// </summary>
    public static async Task<ClaimSelection> SelectAsync(ClaimStoreContext db, ClaimFilter filter, int skip, int take, CancellationToken ct)
    {
        var index = await ClaimIndex.ForAsync(db, ct);
        var search = await ClaimSearch.HitsAsync(db, index.Search, filter, ct);
        return index.Select(filter, search?.Hits, skip, take) with { Search = search };
    }

    /// <summary>A sort order as SQL; the <see cref="ClaimIndex"/> reads each order through this when it loads.</summary>
    public static IQueryable<ClaimRow> Order(IQueryable<ClaimRow> claims, ClaimSort sort) => sort switch
    {
        ClaimSort.Article => claims.OrderBy(c => c.Number),
        ClaimSort.Title => claims.OrderBy(c => EF.Functions.Collate(c.Title, "NOCASE")).ThenBy(c => c.Number),
        ClaimSort.Reviewed => claims.OrderByDescending(c => c.Reviewed).ThenBy(c => c.Number),
        ClaimSort.Overstatement => claims.OrderByDescending(c => c.Overstatement ?? -1).ThenBy(c => c.Number),
        _ => claims.OrderByDescending(c => c.LevelRank).ThenBy(c => c.Number),
    };

    /// <summary>The summaries of the given claims, in the given order (one query).</summary>
    public static async Task<List<ClaimSummary>> SummariesInOrderAsync(ClaimStoreContext db, IReadOnlyList<int> numbers, CancellationToken ct)
    {
        // One JSON parameter, not one parameter per number: an export can list more claims than SQLite's 32,766 variables.
        var list = numbers.ToArray();
        var summaries = await SummariesAsync(db, db.Claims.Where(c => EF.Parameter(list).Contains(c.Number)), ct);
        var position = numbers.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        return summaries.OrderBy(s => position[ClaimId.Parse(s.Id).Number]).ToList();
    }

    /// <summary>
    /// The summaries of the claims a query selects, in its order. One SQL query reads only the claims table; each claim's
    /// level badge and conditions (in content order) come from the <see cref="ClaimIndex"/>. Joining the conditions in SQL
    /// made SQLite materialise every claim's conditions for each page (126 ms a page at 10k claims).
    /// </summary>
    public static async Task<List<ClaimSummary>> SummariesAsync(ClaimStoreContext db, IQueryable<ClaimRow> claims, CancellationToken ct)
    {
        var index = await ClaimIndex.ForAsync(db, ct);
        var rows = await claims.Select(c => new
        {
            c.Number, c.Id, c.Slug, c.Title, c.Kind, c.FirstCaveatHtml, c.Reviewed, c.CertaintyRank, c.ArticleStrength, c.Overstatement, c.DomainSteps, c.Verdict,
        }).ToListAsync(ct);
        return rows.Select(r => new ClaimSummary(
            r.Id, r.Slug, r.Title, r.Kind, index.LevelOf(r.Number), index.ConditionsOf(r.Number), r.FirstCaveatHtml, r.Reviewed)
        {
            Certainty = CertaintySummary.From(r.CertaintyRank, r.ArticleStrength, r.Overstatement, r.DomainSteps),
            Verdict = VerdictBadge.For(r.Verdict),
        }).ToList();
    }

    /// <summary>One page of claims plus the counts shown beside each filter option.</summary>
    public static async Task<ClaimListPage> ListAsync(ClaimStoreContext db, ClaimFilter filter, FilterVocabulary vocabulary, CancellationToken ct = default)
    {
        var selection = await SelectAsync(db, filter, (filter.Page - 1) * ClaimFilter.PageSize, ClaimFilter.PageSize, ct);
        var items = await SummariesInOrderAsync(db, selection.Numbers, ct);
        var (total, byLevel) = (selection.Total, selection.ByLevel);
        return new ClaimListPage(
            filter,
            items,
            total,
            Math.Max(1, (total + ClaimFilter.PageSize - 1) / ClaimFilter.PageSize),
            FilterDimensions.All.Select(Facet).ToList(),
            vocabulary.Levels.Select(l => new FacetCount(
                l.Slug, l.Name, vocabulary.Levels.Where(x => x.Rank >= l.Rank).Sum(x => byLevel.GetValueOrDefault(x.Slug)))).ToList())
        {
            Highlights = selection.Search is { } search
                ? (await ClaimSearch.HighlightsAsync(db, search.Query, selection.Numbers, ct)).ToDictionary(h => new ClaimId(h.Key).ToString(), h => h.Value)
                : new Dictionary<string, SearchHighlight>(),
            Search = await SearchSummaryAsync(db, filter, selection.Search, ct),
        };

        FacetCounts Facet(FilterDimension dimension)
        {
            var terms = dimension.Terms(vocabulary);
            var counts = selection.CountsOf(dimension);
            return new FacetCounts(dimension, terms, terms.Select(t => new FacetCount(t.Slug, t.Name, counts.GetValueOrDefault(t.Slug))).ToList());
        }
    }

    /// <summary>How the search was read, for the page and the API; "did you mean" only when no claim has any of the words.</summary>
    private static async Task<SearchSummary?> SearchSummaryAsync(ClaimStoreContext db, ClaimFilter filter, SearchOutcome? search, CancellationToken ct)
    {
        if (search is null)
        {
            return null;
        }

        var index = (await ClaimIndex.ForAsync(db, ct)).Search;
        var suggestions = search.Hits.Count == 0 && filter.Terms.Count > 0 ? await SearchSuggestions.ForAsync(db, index, filter.Terms, ct) : [];
        return new SearchSummary(
            filter.Terms,
            search.Fallback,
            search.Query.Groups.Where(g => g.AlsoSearched.Count > 0).Select(g => new SearchExpansion(g.Words, g.AlsoSearched)).ToList(),
            suggestions)
        {
            Vocabulary = index.Vocabulary.Sets.Select(set => (IReadOnlyList<string>)set.Select(t => t.Text).ToList()).ToList(),
        };
    }

    // Compiled once: the claim page's lookup is the hottest query of fixed shape (a lookup took 375 µs instead of 490 µs at
    // 10k claims, measured with the store's own context; EF otherwise hashes and looks up the expression tree each time).
    private static readonly Func<ClaimStoreContext, string, CancellationToken, Task<ClaimDetail?>> ClaimBySlug = EF.CompileAsyncQuery(
        (ClaimStoreContext db, string slug, CancellationToken ct) => db.Claims.Where(c => c.Slug == slug).Select(c => new ClaimDetail(
                c.Id,
                c.Slug,
                c.Title,
                c.Kind,
                new LevelBadge(c.Level!.Slug, c.Level.Name, c.Level.Symbol, c.Level.Rank),
                c.Level.Description,
                c.LevelReasoning,
                c.ArticleQuote,
                c.HypeGap,
                c.Reviewed,
                c.SummaryHtml,
                c.SummaryText,
                c.EvidenceHtml,
                c.WhatWouldChangeHtml,
                c.Caveats.OrderBy(v => v.Position).Select(v => v.Html).ToList(),
                c.Conditions.OrderBy(cc => cc.Condition!.Position).Select(cc => new ConditionRef(cc.ConditionSlug, cc.Condition!.Name)).ToList(),
                c.Sources.OrderBy(s => s.Position).Select(s => SourceCitation.From(s.Source!, s.Relation, s.Note)).ToList())
            {
                CertaintyJson = c.CertaintyJson,
                VerdictJson = c.VerdictJson,
                Travel = c.TravelStudy == null || c.TravelStudySource == null || c.TravelEntered == null
                    ? null
                    : new ClaimTravelView(c.TravelStudy, c.TravelStudySource, c.TravelFeature, c.TravelFeatureNote, c.TravelEntered),
                History = c.History.OrderByDescending(h => h.Date).ThenByDescending(h => h.Position)
                    .Select(h => new ClaimChange(h.Date, h.Change, h.Why)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefault());

    /// <summary>Finds a claim by its current slug, or tells where an old slug (alias) now lives.</summary>
    public static async Task<ClaimLookup> FindAsync(ClaimStoreContext db, string slug, CancellationToken ct = default)
    {
        var claim = await ClaimBySlug(db, slug, ct);
        if (claim is not null)
        {
            return new ClaimLookup(claim with
            {
                Certainty = CertaintyViews.Read(claim.CertaintyJson),
                Verdict = CertaintyViews.ReadVerdict(claim.VerdictJson),
            }, null);
        }

        var current = await db.ClaimAliases.Where(a => a.Slug == slug)
            .Join(db.Claims, a => a.ClaimNumber, c => c.Number, (a, c) => c.Slug)
            .FirstOrDefaultAsync(ct);
        return new ClaimLookup(null, current);
    }
}
