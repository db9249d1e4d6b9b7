using System.Text.Json;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Citations;

/// <summary>
/// schema.org ClaimReview for a claim page. Serialised with System.Text.Json's default encoder, which escapes
/// '&lt;', '&gt;' and '&amp;', so content can never close the surrounding script element.
/// </summary>
public static class ClaimStructuredData
{
    public static string ClaimReviewJson(ClaimDetail claim, string url, string siteUrl, int bestRank, int worstRank) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = url,
            ["name"] = claim.Title,
            ["datePublished"] = claim.Reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["author"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = ClaimCitation.SiteName, ["url"] = siteUrl },
            ["claimReviewed"] = claim.ArticleQuote,
            ["itemReviewed"] = new Dictionary<string, object>
            {
                ["@type"] = "Claim",
                ["appearance"] = new Dictionary<string, object>
                {
                    // The feature's address, author and DOI are unverified, so only its title and publisher are given.
                    ["@type"] = "CreativeWork",
                    ["name"] = "The gut microbiome and chronic pain",
                    ["publisher"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = "Nature" },
                },
            },
            ["reviewRating"] = claim.Verdict is { } verdict ? VerdictRating(claim, verdict) : new Dictionary<string, object>
            {
                ["@type"] = "Rating",
                ["ratingValue"] = claim.Level.Rank,
                ["bestRating"] = bestRank,
                ["worstRating"] = worstRank,
                ["alternateName"] = claim.Level.Name,
                ["ratingExplanation"] = RatingExplanation(claim),
            },
        });

    /// <summary>
    /// A claim about the research is rated by its verdict, the usual meaning of a ClaimReview rating: accurate 3,
    /// partly accurate 2, inaccurate 1; "cannot be checked" has no value on that scale, only its name.
    /// </summary>
    private static Dictionary<string, object> VerdictRating(ClaimDetail claim, ClaimVerdictView verdict)
    {
        var rating = new Dictionary<string, object>
        {
            ["@type"] = "Rating",
            ["bestRating"] = VerdictBadge.All.Max(v => v.Rank),
            ["worstRating"] = VerdictBadge.All.Where(v => v.Rank > 0).Min(v => v.Rank),
            ["alternateName"] = verdict.Verdict.Name,
            ["ratingExplanation"] = $"{claim.LevelReasoning} Verdict: {verdict.Verdict.Name}. {verdict.Reason}",
        };
        if (verdict.Verdict.Rank > 0)
        {
            rating["ratingValue"] = verdict.Verdict.Rank;
        }

        return rating;
    }

    /// <summary>The level's reasoning, then (for a graded claim) the certainty, each domain that rated down, and the overstatement.</summary>
    public static string RatingExplanation(ClaimDetail claim) => claim.Certainty is not { } g
        ? claim.LevelReasoning
        : $"{claim.LevelReasoning} Certainty of the evidence: {g.Certainty.Name} (starts {g.StartName.ToLowerInvariant()}; " +
          (g.Domains.Any(d => d.Steps > 0) ? "down for " + string.Join(", ", g.Domains.Where(d => d.Steps > 0).Select(d => $"{d.Domain.ToLowerInvariant()} ({d.Steps} {(d.Steps == 1 ? "step" : "steps")})")) : "no domain rated down") +
          $"). Overstatement: {g.Overstatement} {(g.Overstatement == 1 ? "step" : "steps")}. {g.OverstatementWords}";
}
