using System.Globalization;
using System.Text;
using System.Xml;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Grading;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Api;

/// <summary>CSV and Atom exports of the claim list (same filters as /claims), and the Atom feeds of a condition and of changes.</summary>
public static class Exports
{
    /// <summary>Exports are not paged: they take the whole filtered list, up to this many rows.</summary>
    public const int MaxRows = 100_000;

    public static WebApplication MapExports(this WebApplication app)
    {
        var exports = app.MapGroup("").CacheContent();
        exports.MapGet("/claims.csv", Csv).WithTags("Exports").WithSummary("The filtered claim list as RFC 4180 CSV (UTF-8).")
            .WithFilterParameters().Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        exports.MapGet("/feed.atom", (HttpContext context, ClaimStoreContext db, CancellationToken ct) => Atom(context, db, null, ct)).WithTags("Exports").WithSummary("Atom feed of the filtered claims: the 100 most recently reviewed, newest first.")
            .WithFilterParameters().Produces<string>(StatusCodes.Status200OK, "application/atom+xml").ProducesProblem(StatusCodes.Status400BadRequest);
        exports.MapGet("/conditions/{slug}/feed.atom", (string slug, HttpContext context, ClaimStoreContext db, CancellationToken ct) =>
                Atom(context, db, slug, ct))
            .WithTags("Exports").WithSummary("Atom feed of the claims about one condition: the 100 most recently reviewed, newest first.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml").ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/changes.atom", ChangesAtom).WithTags("Exports")
            .WithSummary("Atom feed of changes to claim reviews, newest first: one entry per change, updated on the change's date.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml");
        return app;
    }

    /// <summary>Entries in a feed: the most recently reviewed claims (readers poll a feed for what is new; the CSV and the API give every claim).</summary>
    public const int FeedEntries = 100;

    /// <summary>Parses the query like /claims does (and narrows it to a condition for a condition's feed), or gives the problem.</summary>
    private static async Task<(ClaimFilter? Filter, IResult? Problem, string? ConditionName)> Matching(
        IQueryCollection query, ClaimStoreContext db, string? condition, CancellationToken ct)
    {
        var read = await ClaimFilterRequest.ReadAsync(db, query, ct);
        if (!read.Understood)
        {
            return (null, read.Problem(), null);
        }

        var filter = read.Filter;
        var named = read.Vocabulary.Conditions.FirstOrDefault(c => c.Slug == condition);
        if (condition is not null)
        {
            if (named is null)
            {
                return (null, TypedResults.Problem(statusCode: 404, title: "Condition not found", detail: $"No condition has the slug '{condition}'."), null);
            }

            filter = filter with { Conditions = [condition] };
        }

        return (filter, null, named?.Name);
    }

    private static async Task<IResult> Csv(HttpContext context, ClaimStoreContext db, CancellationToken ct)
    {
        var (filter, problem, _) = await Matching(context.Request.Query, db, null, ct);
        if (problem is not null)
        {
            return problem;
        }

        // Written as the claims are read (a batch at a time), so a 100k-row export does not build the file in memory first.
        context.Response.Headers.ContentDisposition = "inline; filename=\"claims.csv\"";
        return Results.Stream(
            async stream =>
            {
                // leaveOpen: the stream is the response body, owned by the server (and, when cached, by the output cache, which
                // stored an empty body after this writer closed it).
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
                await writer.WriteAsync("id,slug,title,kind,evidence_level,evidence_rank,conditions,reviewed,url,certainty," +
                    string.Join(',', CertaintyRule.DomainNames.Select(CsvDomainColumn)) + ",article_strength,overstatement,verdict\r\n");
                await foreach (var c in ClaimQuery.AllAsync(db, filter!, MaxRows, ct))
                {
                    await writer.WriteAsync(string.Join(',', new[]
                    {
                        c.Id, c.Slug, c.Title, c.Kind, c.Level.Slug, c.Level.Rank.ToString(CultureInfo.InvariantCulture),
                        string.Join(';', c.Conditions.Select(x => x.Slug)), c.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        SiteUrls.Absolute(context, Links.Claim(c.Slug)),
                        c.Certainty.Certainty.Slug,
                    }.Concat(CertaintyRule.DomainNames.Select(d => c.Certainty.DomainSteps.TryGetValue(d, out var steps) ? steps.ToString(CultureInfo.InvariantCulture) : ""))
                    .Append(c.Certainty.ArticleStrength ?? "")
                    .Append(c.Certainty.Overstatement?.ToString(CultureInfo.InvariantCulture) ?? "")
                    .Append(c.Verdict?.Slug ?? "")
                    .Select(CsvField)) + "\r\n");
                }
            },
            "text/csv; charset=utf-8; header=present");
    }

    /// <summary>A domain's CSV column: its name in snake case with "_steps" ("risk_of_bias_steps"): how many steps it rated down.</summary>
    public static string CsvDomainColumn(string domain) => domain.ToLowerInvariant().Replace(' ', '_') + "_steps";

    /// <summary>RFC 4180: quote a field that holds a comma, quote, CR or LF, doubling inner quotes.</summary>
    public static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static async Task<IResult> Atom(HttpContext context, ClaimStoreContext db, string? condition, CancellationToken ct)
    {
        var (filter, problem, conditionName) = await Matching(context.Request.Query, db, condition, ct);
        if (problem is not null)
        {
            return problem;
        }

        var ordered = new List<ClaimSummary>(FeedEntries);
        await foreach (var c in ClaimQuery.AllAsync(db, filter! with { Sort = ClaimSort.Reviewed, Page = 1 }, FeedEntries, ct))
        {
            ordered.Add(c);
        }

        var self = SiteUrls.Absolute(context, context.Request.Path + context.Request.QueryString);
        const string ns = "http://www.w3.org/2005/Atom";
        var xml = new StringBuilder();
        using (var w = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("feed", ns);
            w.WriteElementString("id", ns, self);
            w.WriteElementString("title", ns, condition is null ? "MicrobiomePain: claims and their evidence" : $"MicrobiomePain: claims about {conditionName}");
            w.WriteElementString("updated", ns, Stamp(ordered.Count > 0 ? ordered[0].Reviewed : DateOnly.FromDateTime(DateTime.UtcNow)));
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, "MicrobiomePain");
            w.WriteEndElement();
            Link(w, ns, "self", self, "application/atom+xml");
            Link(w, ns, "alternate", SiteUrls.Absolute(context, Links.ClaimList(filter!)), "text/html");
            foreach (var c in ordered)
            {
                var url = SiteUrls.Absolute(context, Links.Claim(c.Slug));
                w.WriteStartElement("entry", ns);

                // The id permalink, not the slug URL: a renamed claim stays the same entry in readers' feed histories.
                w.WriteElementString("id", ns, SiteUrls.Absolute(context, Links.ClaimById(c.Id)));
                w.WriteElementString("title", ns, c.Title);
                w.WriteElementString("updated", ns, Stamp(c.Reviewed));
                Link(w, ns, "alternate", url, "text/html");
                foreach (var condition1 in c.Conditions)
                {
                    w.WriteStartElement("category", ns);
                    w.WriteAttributeString("term", condition1.Slug);
                    w.WriteAttributeString("label", condition1.Name);
                    w.WriteEndElement();
                }

                w.WriteElementString("summary", ns, $"Evidence level: {c.Level.Symbol} {c.Level.Name}. Claim {c.Id}, last reviewed {Stamp(c.Reviewed)[..10]}.");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// Decided: one entry per change (not per claim), identified by the claim's id permalink and the change's place in
    /// its history, so a new review of a claim is a new entry and the feed's 'updated' moves to that review's date.
    /// </summary>
    private static async Task<IResult> ChangesAtom(HttpContext context, ClaimStoreContext db, CancellationToken ct)
    {
        var changes = await ClaimQuery.ChangesAsync(db, FeedEntries, ct);
        var self = SiteUrls.Absolute(context, Links.ChangesFeed);
        const string ns = "http://www.w3.org/2005/Atom";
        var xml = new StringBuilder();
        using (var w = XmlWriter.Create(xml, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartElement("feed", ns);
            w.WriteElementString("id", ns, self);
            w.WriteElementString("title", ns, "MicrobiomePain: changes to claim reviews");
            w.WriteElementString("updated", ns, Stamp(changes.Count > 0 ? changes[0].Date : DateOnly.FromDateTime(DateTime.UtcNow)));
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, "MicrobiomePain");
            w.WriteEndElement();
            Link(w, ns, "self", self, "application/atom+xml");
            Link(w, ns, "alternate", SiteUrls.Absolute(context, Links.Changes), "text/html");
            foreach (var c in changes)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, SiteUrls.Absolute(context, Links.ClaimById(c.ClaimId)) + "#change-" + c.Position.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("title", ns, $"{c.ClaimId}: {c.ClaimTitle}");
                w.WriteElementString("updated", ns, Stamp(c.Date));
                Link(w, ns, "alternate", SiteUrls.Absolute(context, Links.ClaimHistory(c.ClaimSlug)), "text/html");
                w.WriteElementString("summary", ns, $"{c.Change} Why: {c.Why}");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return Results.Text(xml.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static void Link(XmlWriter w, string ns, string rel, string href, string type)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }
}
