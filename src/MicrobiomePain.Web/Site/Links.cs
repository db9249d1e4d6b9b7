using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// Every internal path the site links to, built in one place: pages, the API, feeds, the sitemap and the article's
/// claim references all ask here, so a URL is spelled once. Paths are site-relative; <see cref="SiteUrls.Absolute"/>
/// makes them absolute for feeds, citations and the sitemap.
/// </summary>
public static class Links
{
    public const string Home = "/";
    public const string Claims = "/claims";
    public const string Map = "/map";
    public const string MapByCertainty = "/map?view=certainty";
    public const string Conditions = "/conditions";
    public const string Evidence = "/evidence";
    /// <summary>A prose page (content/pages/method.md 'path') that the site's own pages link to in their text; ShippedCertaintyTests reads it.</summary>
    public const string Method = "/evidence/method";
    public const string Article = "/article";
    public const string Sources = "/sources";
    public const string Changes = "/changes";
    public const string Sitemap = "/sitemap.xml";

    /// <summary>The reader's pages that code serves, in the order the sitemap lists them; prose pages follow, from content.</summary>
    public static readonly IReadOnlyList<string> Pages = [Home, Claims, Map, Conditions, Evidence, Article, Sources, Changes];

    /// <summary>A claim's page, its permalink and canonical URL.</summary>
    public static string Claim(string slug) => Claims + "/" + slug;

    /// <summary>A claim's page reached from a list: the list's state rides along (?from=…) for the breadcrumb back.</summary>
    public static string Claim(string slug, ClaimFilter from) =>
        Claim(slug) + "?from=" + Uri.EscapeDataString(from.ToQueryString().Value![1..]);

    /// <summary>The claim's change history on its page.</summary>
    public static string ClaimHistory(string slug) => Claim(slug) + "#history";

    /// <summary>The permanent address of a claim by its id (e.g. C7), which redirects to its current slug.</summary>
    public static string ClaimById(string id) => Claims + "/by-id/" + id;

    /// <summary>The claim list showing exactly this filter.</summary>
    public static string ClaimList(ClaimFilter filter) => Claims + filter.ToQueryString();

    /// <summary>The claim list narrowed to one condition.</summary>
    public static string ClaimListAbout(string conditionSlug) => ClaimList(ClaimFilter.All with { Conditions = [conditionSlug] });

    /// <summary>The claim list in one order.</summary>
    public static string ClaimListSorted(ClaimSort sort) => ClaimList(ClaimFilter.All with { Sort = sort });

    public static string Condition(string slug) => Conditions + "/" + slug;

    /// <summary>A source's entry on the sources page.</summary>
    public static string Source(string key) => Sources + "#source-" + key;

    /// <summary>Where the article states a claim.</summary>
    public static string ArticlePlace(string claimSlug) => Article + "#claim-" + claimSlug;

    /// <summary>
    /// An export (<see cref="ExportRegistry"/>): of a claim or a condition, with its slug; of the claim list, with the list's
    /// own query string (the filter on page 1).
    /// </summary>
    public static string Export(Export export, string? slug = null, QueryString query = default) => export.Path(slug) + query;

    public static string ChangesFeed => Export(ExportRegistry.ChangesFeed);

    /// <summary>The claim list as JSON (the API, not an export: paged, with counts).</summary>
    public static string ApiClaims(QueryString query) => "/api/claims" + query;

    /// <summary>One claim as JSON.</summary>
    public static string ApiClaim(string slug) => "/api/claims/" + slug;
}
