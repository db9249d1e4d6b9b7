using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

// The article sentence by sentence (/article) and how much of it the claims cover (/about), read from the store's
// article_sentences table: the record in article.md, checked at ingest, is the only place coverage is decided.
public static partial class ClaimQuery
{
    /// <summary>Every section of the article with one row per sentence, and the claims each names (two queries).</summary>
    public static async Task<IReadOnlyList<ArticleSectionView>> ArticleAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var rows = await db.ArticleSentences.AsNoTracking().OrderBy(s => s.Position).ToListAsync(ct);
        var ids = rows.SelectMany(r => SplitIds(r.ClaimIds)).Distinct().ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new ArticleClaimRef(
                c.Id, c.Slug, c.Title, c.ArticleQuote,
                new LevelBadge(c.LevelSlug, c.Level!.Name, c.Level.Symbol, c.LevelRank),
                CertaintyBadge.ForRank(c.CertaintyRank), c.Overstatement, c.Verdict))
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, ct);
        return rows.GroupBy(r => r.Section).Select(section =>
        {
            var heading = section.First(r => r.Number == 0);
            var sentences = section.Where(r => r.Number > 0).Select(r => new ArticleRowView(
                $"{r.Section}.{r.Number}", r.Opens, r.Mark, MarkName(r.Mark), r.Reason,
                SplitIds(r.ClaimIds).Where(claims.ContainsKey).Select(id => claims[id]).ToList())).ToList();
            return new ArticleSectionView(section.Key, heading.Opens, sentences);
        }).ToList();
    }

    /// <summary>How many sentences the article has, how many are claims, how many are marked and why (one grouped query).</summary>
    public static async Task<ArticleCoverage?> CoverageAsync(ClaimStoreContext db, CancellationToken ct = default)
    {
        var counts = await db.ArticleSentences.GroupBy(s => s.Mark).Select(g => new { Mark = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0)
        {
            return null;
        }

        var inClaims = counts.Where(c => c.Mark is ArticleSentenceRow.Claim or ArticleSentenceRow.Part).Sum(c => c.Count);
        var marked = counts.Where(c => c.Mark is not (ArticleSentenceRow.Claim or ArticleSentenceRow.Part))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Mark, StringComparer.Ordinal)
            .Select(c => new MarkCount(MarkName(c.Mark), c.Count)).ToList();
        return new ArticleCoverage(counts.Sum(c => c.Count), inClaims, marked.Sum(m => m.Count), marked);
    }

    private static string[] SplitIds(string ids) => ids.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string MarkName(string mark) => mark switch
    {
        ArticleSentenceRow.Claim => "makes a claim",
        ArticleSentenceRow.Part => "part of a claim",
        _ => SentenceMarks.Names.GetValueOrDefault(mark, mark),
    };
}

/// <summary>A claim as a row of /article shows it: its sentence, title, level, certainty or verdict, and overstatement.</summary>
public sealed record ArticleClaimRef(string Id, string Slug, string Title, string Quote, LevelBadge Level, CertaintyBadge Certainty, int? Overstatement, string? VerdictSlug)
{
    /// <summary>A claim about the research shows its verdict where an effect claim shows its certainty (issue 29).</summary>
    public VerdictBadge? Verdict => VerdictBadge.For(VerdictSlug);
}

/// <summary>One sentence: its place, opening words, what it is (claim, part of one, or why not checkable) and its claims.</summary>
public sealed record ArticleRowView(string Place, string Opens, string Mark, string MarkName, string? Reason, IReadOnlyList<ArticleClaimRef> Claims)
{
    public bool QuotesClaims => Mark == ArticleSentenceRow.Claim;

    public bool IsPartOfClaim => Mark == ArticleSentenceRow.Part;
}

public sealed record ArticleSectionView(int Number, string Heading, IReadOnlyList<ArticleRowView> Sentences);

/// <summary>"N sentences: M claims, K not checkable", with K broken down by reason (headings count as sentences).</summary>
public sealed record ArticleCoverage(int Sentences, int InClaims, int NotCheckable, IReadOnlyList<MarkCount> ByReason);

public sealed record MarkCount(string Name, int Count);
