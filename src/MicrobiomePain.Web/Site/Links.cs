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
    public const string Method = "/evidence/method";
    public const string Article = "/article";
    public const string Sources = "/sources";
    public const string Changes = "/changes";
    public const string ChangesFeed = "/changes.atom";
    public const string About = "/about";
    public const string Sitemap = "/sitemap.xml";

    /// <summary>The reader's pages, in the order the sitemap lists them.</summary>
    public static readonly IReadOnlyList<string> Pages = [Home, Claims, Map, Conditions, Evidence, Article, Sources, Changes, About, Method];

    /// <summary>A claim's page, its permalink and canonical URL.</summary>
    public static string Claim(string slug) => Claims + "/" + slug;

    /// <summary>A claim's page reached from a list: the list's state rides along (?from=…) for the breadcrumb back.</summary>
    public static string Claim(string slug, ClaimFilter from) =>
        Claim(slug) + "?from=" + Uri.EscapeDataString(from.ToQueryString().Value![1..]);

    /// <summary>The claim's change history on its page.</summary>
    public static string ClaimHistory(string slug) => Claim(slug) + "#history";

    /// <summary>The permanent address of a claim by its id (e.g. C7), which redirects to its current slug.</summary>
    public static string ClaimById(string id) => Claims + "/by-id/" + id;

    /// <summary>A citation download of a claim ("cite.bib", "cite.ris", "cite.json").</summary>
    public static string Citation(string slug, string file) => Claim(slug) + "/" + file;

    /// <summary>The claim list showing exactly this filter.</summary>
    public static string ClaimList(ClaimFilter filter) => Claims + filter.ToQueryString();

    /// <summary>The claim list narrowed to one condition.</summary>
    public static string ClaimListAbout(string conditionSlug) => ClaimList(ClaimFilter.All with { Conditions = [conditionSlug] });

    /// <summary>The claim list in one order.</summary>
    public static string ClaimListSorted(ClaimSort sort) => ClaimList(ClaimFilter.All with { Sort = sort });

    public static string Condition(string slug) => Conditions + "/" + slug;

    /// <summary>The Atom feed of one condition's claims.</summary>
    public static string ConditionFeed(string slug) => Condition(slug) + "/feed.atom";

    /// <summary>A source's entry on the sources page.</summary>
    public static string Source(string key) => Sources + "#source-" + key;

    /// <summary>Where the article states a claim.</summary>
    public static string ArticlePlace(string claimSlug) => Article + "#claim-" + claimSlug;

    /// <summary>The claim list as CSV, JSON or Atom, with the list's own query string.</summary>
    public static string ClaimsCsv(QueryString query) => "/claims.csv" + query;

    public static string ClaimsFeed(QueryString query) => "/feed.atom" + query;

    public static string ApiClaims(QueryString query) => "/api/claims" + query;

    /// <summary>One claim as JSON.</summary>
    public static string ApiClaim(string slug) => "/api/claims/" + slug;
}
