using System.Text.RegularExpressions;
using MicrobiomePain.Web.Citations;
using MicrobiomePain.Web.Site;

namespace MicrobiomePain.Web.Api;

/// <summary>Which page offers an export, and so what fills its route's one parameter.</summary>
public enum ExportScope
{
    /// <summary>The claim list (/claims): the export takes the list's filters as its query string.</summary>
    ClaimList,

    /// <summary>A condition's page: {slug} is the condition's.</summary>
    Condition,

    /// <summary>A claim's page: {slug} is the claim's.</summary>
    Claim,

    /// <summary>The changes page (/changes): no parameter.</summary>
    Changes,
}

/// <summary>
/// One export: its route, its media type (without parameters: what compression and links read; the writer adds charset),
/// the page that offers it, a label for links, and the writer. Everything else (the endpoint, output caching and so ETags,
/// compression, links, the sitemap, OpenAPI) is derived from this declaration.
/// </summary>
public sealed partial record Export(string Route, string MediaType, ExportScope Scope, string Label, string Summary, Delegate Writer)
{
    /// <summary>The export's path: its route with the one parameter (if any) filled in.</summary>
    public string Path(string? slug = null) => Parameter().Replace(Route, _ => slug ?? throw new ArgumentNullException(nameof(slug), $"{Route} needs a slug."));

    /// <summary>True when the route has a parameter (a claim's or a condition's export).</summary>
    public bool HasParameter => Parameter().IsMatch(Route);

    /// <summary>Exports with one address for the whole site (no parameter) are listed in the sitemap.</summary>
    public bool InSitemap => !HasParameter;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <summary>
/// Every export of the site, declared once. A new export is one line here and its writer; the tests in ExportRegistryTests
/// check that each entry is linked from its page, compressed, and answers with an ETag and a 304.
/// </summary>
public static class ExportRegistry
{
    public static readonly Export ClaimsCsv = new("/claims.csv", "text/csv", ExportScope.ClaimList, "CSV",
        "The filtered claim list as RFC 4180 CSV (UTF-8).", Exports.Csv);

    /// <summary>
    /// JSON Lines (jsonlines.org): one API list item a line. Decided: <c>application/jsonl</c>. No JSON Lines media type is
    /// registered with IANA; <c>application/json-seq</c> is (RFC 7464) but is a different format (each record starts with
    /// an RS byte), so labelling these bytes with it would be wrong; <c>application/x-ndjson</c> names the near-identical
    /// NDJSON but carries the x- prefix RFC 6648 retired. <c>application/jsonl</c> is what the format's own name gives and
    /// what the OpenAPI media-type registry lists for JSON Lines. (README, "Exports", says the same.)
    /// </summary>
    public static readonly Export ClaimsJsonLines = new("/claims.jsonl", "application/jsonl", ExportScope.ClaimList, "JSON Lines",
        "The filtered claim list as JSON Lines (UTF-8): one object a line, each the API's list item, in the list's order.", Exports.JsonLines);

    public static readonly Export ClaimsFeed = new("/feed.atom", AtomFeed.MediaType, ExportScope.ClaimList, "Atom feed",
        "Atom feed of the filtered claims: the 100 most recently reviewed, newest first.", Exports.ClaimsFeed);

    public static readonly Export ConditionFeed = new("/conditions/{slug}/feed.atom", AtomFeed.MediaType, ExportScope.Condition, "Atom feed",
        "Atom feed of the claims about one condition: the 100 most recently reviewed, newest first.", Exports.ConditionFeed);

    public static readonly Export ChangesFeed = new("/changes.atom", AtomFeed.MediaType, ExportScope.Changes, "Atom feed of changes",
        "Atom feed of changes to claim reviews, newest first: one entry per change, updated on the change's date.", Exports.ChangesFeed);

    public static readonly Export CiteBibTeX = new("/claims/{slug:slug}/cite.bib", "application/x-bibtex", ExportScope.Claim, "BibTeX",
        "The claim's citation in BibTeX; an old slug redirects (301).", CitationEndpoints.BibTeX);

    public static readonly Export CiteRis = new("/claims/{slug:slug}/cite.ris", "application/x-research-info-systems", ExportScope.Claim, "RIS",
        "The claim's citation in RIS; an old slug redirects (301).", CitationEndpoints.Ris);

    public static readonly Export CiteCslJson = new("/claims/{slug:slug}/cite.json", "application/vnd.citationstyles.csl+json", ExportScope.Claim, "CSL-JSON",
        "The claim's citation in CSL-JSON; an old slug redirects (301).", CitationEndpoints.CslJson);

    public static readonly IReadOnlyList<Export> All = [ClaimsCsv, ClaimsJsonLines, ClaimsFeed, ConditionFeed, ChangesFeed, CiteBibTeX, CiteRis, CiteCslJson];

    /// <summary>The exports a page of this kind offers, in declaration order.</summary>
    public static IEnumerable<Export> For(ExportScope scope) => All.Where(e => e.Scope == scope);

    /// <summary>Maps every export, output-cached (which gives it the store version's ETag and 304s, Site/ConditionalGet).</summary>
    public static WebApplication MapExports(this WebApplication app)
    {
        var group = app.MapGroup("").CacheContent();
        foreach (var export in All)
        {
            var endpoint = group.MapGet(export.Route, export.Writer)
                .WithTags(export.Scope == ExportScope.Claim ? "Citations" : "Exports")
                .WithSummary(export.Summary)
                .Produces<string>(StatusCodes.Status200OK, export.MediaType);
            _ = export.Scope switch
            {
                ExportScope.ClaimList => endpoint.WithFilterParameters().ProducesProblem(StatusCodes.Status400BadRequest),
                ExportScope.Condition => endpoint.ProducesProblem(StatusCodes.Status404NotFound),
                ExportScope.Claim => endpoint.Produces(StatusCodes.Status301MovedPermanently).Produces(StatusCodes.Status404NotFound),
                _ => endpoint,
            };
        }

        return app;
    }
}

/// <summary>The exports one page offers, each with its address: what Pages/Shared/_ExportLinks and _ExportAlternates render.</summary>
public sealed record ExportLinks(ExportScope Scope, string? Slug = null, QueryString Query = default)
{
    public IEnumerable<(Export Export, string Href)> Items =>
        ExportRegistry.For(Scope).Select(e => (e, Site.Links.Export(e, Slug, Query)));
}
