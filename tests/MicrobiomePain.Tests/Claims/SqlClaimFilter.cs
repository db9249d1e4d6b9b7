using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Tests.Claims;

/// <summary>
/// The claim filter written again as SQL, the way the site selected claims before the in-memory <see cref="ClaimIndex"/>:
/// the oracle the index is checked against. The site itself never runs it; it selects through
/// <see cref="ClaimQuery.SelectAsync"/>. (tests/load/explain.cs writes out the two pre-index queries it explains.)
/// </summary>
internal static class SqlClaimFilter
{
    /// <summary>A search as a composable query (the site reads the same statement with a data reader in
    /// <see cref="ClaimSearch.AllHitsAsync"/>): the MATCH expression the site ran (<see cref="SearchQuery.MatchExpression"/>,
    /// its fallback included) and the same rank.</summary>
    // The concatenated parts are the site's own constants (table, rank); the reader's words go in as the parameter {0}.
#pragma warning disable EF1003
    public static IQueryable<SearchHit> Hits(ClaimStoreContext db, string match) =>
        db.Set<SearchHit>().FromSqlRaw(
            "SELECT rowid AS Number, " + ClaimSearch.Rank + " AS Rank FROM " + ClaimSearch.Table + " WHERE " + ClaimSearch.Table + " MATCH {0}",
            match);
#pragma warning restore EF1003

    public static IQueryable<ClaimRow> Apply(ClaimStoreContext db, ClaimFilter filter, string? match)
    {
        IQueryable<ClaimRow> claims = db.Claims;
        if (filter.Query is not null && filter.Terms.Count == 0)
        {
            // A search with no letters or digits in it (only punctuation) has no words to find.
            return claims.Where(c => false);
        }

        if (filter.Query is not null)
        {
            // An uncorrelated IN (…): SQLite runs the FTS5 match once, not once per claim.
            var hits = Hits(db, match!).Select(h => h.Number);
            claims = claims.Where(c => hits.Contains(c.Number));
        }

        if (filter.Conditions.Count > 0)
        {
            var conditions = filter.Conditions;
            claims = claims.Where(c => c.Conditions.Any(cc => conditions.Contains(cc.ConditionSlug)));
        }

        if (filter.Levels.Count > 0)
        {
            var levels = filter.Levels;
            claims = claims.Where(c => levels.Contains(c.LevelSlug));
        }

        if (filter.MinRank is int minRank)
        {
            claims = claims.Where(c => c.LevelRank >= minRank);
        }

        // A claim has either a certainty or a verdict: a claim with a verdict has no certainty, not "not graded".
        if (filter.Certainties.Count > 0)
        {
            var ranks = CertaintyBadge.All.Where(c => filter.Certainties.Contains(c.Slug)).Select(c => c.Rank).ToList();
            claims = claims.Where(c => c.Verdict == null && ranks.Contains(c.CertaintyRank));
        }

        if (filter.Verdicts.Count > 0)
        {
            var verdicts = filter.Verdicts;
            claims = claims.Where(c => c.Verdict != null && verdicts.Contains(c.Verdict));
        }

        if (filter.Chosen(FilterDimensions.Kind) is { Count: > 0 } kinds)
        {
            claims = claims.Where(c => kinds.Contains(c.Kind));
        }

        return claims;
    }
}
