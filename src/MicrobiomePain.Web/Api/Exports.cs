using System.Globalization;
using System.Text;
using System.Text.Json;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Grading;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;
using Microsoft.Extensions.Options;

namespace MicrobiomePain.Web.Api;

/// <summary>The writers of the claim list's exports (CSV, JSON Lines, Atom; same filters as /claims) and of the condition and changes feeds.</summary>
public static class Exports
{
    /// <summary>Exports are not paged: they take the whole filtered list, up to this many rows.</summary>
    public const int MaxRows = 100_000;

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

    /// <summary>
    /// A body written as the claims are read (a batch at a time), so a 100k-row export does not build the file in memory
    /// first. leaveOpen: the stream is the response body, owned by the server (and, when cached, by the output cache, which
    /// stored an empty body after a writer closed it).
    /// </summary>
    private static IResult Streamed(string contentType, Func<StreamWriter, Task> write) =>
        Results.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
                await write(writer);
            },
            contentType);

    public static async Task<IResult> Csv(HttpContext context, ClaimStoreContext db, CancellationToken ct)
    {
        var (filter, problem, _) = await Matching(context.Request.Query, db, null, ct);
        if (problem is not null)
        {
            return problem;
        }

        context.Response.Headers.ContentDisposition = "inline; filename=\"claims.csv\"";
        return Streamed(ExportRegistry.ClaimsCsv.MediaType + "; charset=utf-8; header=present", async writer =>
        {
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
        });
    }

    /// <summary>
    /// One claim a line, each serialized exactly as an item of /api/claims (the API's own JSON options), in the list's
    /// order, every matching claim (not paged, like the CSV). Each line ends with LF; the JSON in it has no raw newline.
    /// </summary>
    public static async Task<IResult> JsonLines(HttpContext context, ClaimStoreContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (filter, problem, _) = await Matching(context.Request.Query, db, null, ct);
        if (problem is not null)
        {
            return problem;
        }

        var options = json.Value.SerializerOptions;
        context.Response.Headers.ContentDisposition = "inline; filename=\"claims.jsonl\"";
        return Streamed(ExportRegistry.ClaimsJsonLines.MediaType + "; charset=utf-8", async writer =>
        {
            await foreach (var c in ClaimQuery.AllAsync(db, filter!, MaxRows, ct))
            {
                await writer.WriteAsync(JsonSerializer.Serialize(c, options));
                await writer.WriteAsync('\n');
            }
        });
    }

    /// <summary>A domain's CSV column: its name in snake case with "_steps" ("risk_of_bias_steps"): how many steps it rated down.</summary>
    public static string CsvDomainColumn(string domain) => domain.ToLowerInvariant().Replace(' ', '_') + "_steps";

    /// <summary>RFC 4180: quote a field that holds a comma, quote, CR or LF, doubling inner quotes.</summary>
    public static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static Task<IResult> ClaimsFeed(HttpContext context, ClaimStoreContext db, CancellationToken ct) => ClaimFeed(context, db, null, ct);

    public static Task<IResult> ConditionFeed(string slug, HttpContext context, ClaimStoreContext db, CancellationToken ct) => ClaimFeed(context, db, slug, ct);

    private static async Task<IResult> ClaimFeed(HttpContext context, ClaimStoreContext db, string? condition, CancellationToken ct)
    {
        var (filter, problem, conditionName) = await Matching(context.Request.Query, db, condition, ct);
        if (problem is not null)
        {
            return problem;
        }

        var entries = new List<AtomEntry>(FeedEntries);
        await foreach (var c in ClaimQuery.AllAsync(db, filter! with { Sort = ClaimSort.Reviewed, Page = 1 }, FeedEntries, ct))
        {
            // The id permalink, not the slug URL: a renamed claim stays the same entry in readers' feed histories.
            entries.Add(new AtomEntry(
                SiteUrls.Absolute(context, Links.ClaimById(c.Id)),
                c.Title,
                c.Reviewed,
                SiteUrls.Absolute(context, Links.Claim(c.Slug)),
                $"Evidence level: {c.Level.Symbol} {c.Level.Name}. Claim {c.Id}, last reviewed {AtomFeed.Stamp(c.Reviewed)[..10]}.")
            {
                Categories = c.Conditions.Select(x => (x.Slug, x.Name)).ToList(),
            });
        }

        return AtomFeed.Result(
            condition is null ? "MicrobiomePain: claims and their evidence" : $"MicrobiomePain: claims about {conditionName}",
            SiteUrls.Absolute(context, context.Request.Path + context.Request.QueryString),
            SiteUrls.Absolute(context, Links.ClaimList(filter!)),
            entries);
    }

    /// <summary>
    /// Decided: one entry per change (not per claim), identified by the claim's id permalink and the change's place in
    /// its history, so a new review of a claim is a new entry and the feed's 'updated' moves to that review's date.
    /// </summary>
    public static async Task<IResult> ChangesFeed(HttpContext context, ClaimStoreContext db, CancellationToken ct)
    {
        var changes = await ClaimQuery.ChangesAsync(db, FeedEntries, ct);
        return AtomFeed.Result(
            "MicrobiomePain: changes to claim reviews",
            SiteUrls.Absolute(context, Links.ChangesFeed),
            SiteUrls.Absolute(context, Links.Changes),
            changes.Select(c => new AtomEntry(
                SiteUrls.Absolute(context, Links.ClaimById(c.ClaimId)) + "#change-" + c.Position.ToString(CultureInfo.InvariantCulture),
                $"{c.ClaimId}: {c.ClaimTitle}",
                c.Date,
                SiteUrls.Absolute(context, Links.ClaimHistory(c.ClaimSlug)),
                $"{c.Change} Why: {c.Why}")).ToList());
    }
}
