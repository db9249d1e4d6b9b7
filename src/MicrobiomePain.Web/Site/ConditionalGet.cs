using System.Globalization;
using System.Reflection;
using MicrobiomePain.Web.Store;
using Microsoft.Net.Http.Headers;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// ETag and Last-Modified for every page, export and API response, from the content version.
/// Every representation the app serves is a function of (content, code, URL, Accept-Encoding), and the store is
/// immutable per content hash, so one validator per content version and build is exact. It is a weak ETag:
/// compressed and uncompressed bodies are semantically equal but not byte-equal (RFC 9110 §8.8.3).
/// A matching If-None-Match (or, without one, an If-Modified-Since not older than the build) answers 304 before
/// any query runs. Static assets have their own fingerprinted validators and are left alone.
/// This middleware is the only owner of validators and 304s for the site's own responses: it runs outside the output cache
/// and takes the conditional headers off the request before passing it on, so the cache (which would otherwise answer 304
/// from its stored ETag) always produces a full response, and the decision is made here, once.
/// Every 200 it validates says <c>Cache-Control: no-cache</c>: browsers and shared caches may keep it but must revalidate
/// (a cheap 304) before reuse, so no one serves a page from an older content version by heuristic freshness.
/// </summary>
public static class ConditionalGet
{
    private static readonly string BuildId =
        Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static string ETagFor(StoreVersion version) => Validators(version).ETag;

    // The validators of the version being served, formatted once per version rather than once per request.
    private sealed record VersionValidators(StoreVersion Version, string ETag, DateTimeOffset LastModified, string LastModifiedText);

    private static VersionValidators? _validators;

    private static VersionValidators Validators(StoreVersion version)
    {
        if (Volatile.Read(ref _validators) is { } known && ReferenceEquals(known.Version, version))
        {
            return known;
        }

        // HTTP dates have one-second resolution; compare at that resolution.
        var lastModified = DateTimeOffset.FromUnixTimeSeconds(version.BuiltAt.ToUnixTimeSeconds());
        var made = new VersionValidators(version, $"W/\"{version.ShortHash}-{BuildId}\"", lastModified, lastModified.ToString("R", CultureInfo.InvariantCulture));
        Volatile.Write(ref _validators, made);
        return made;
    }

    public static IApplicationBuilder UseConditionalGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || IsExcluded(request.Path))
            {
                await next(context);
                return;
            }

            var (_, etag, lastModified, lastModifiedText) = Validators(context.RequestServices.GetRequiredService<StoreVersion>());
            var notModified = NotModified(request, etag, lastModified);
            request.Headers.IfNoneMatch = default;
            request.Headers.IfModifiedSince = default;
            if (notModified)
            {
                // 304 only stands in for a 200 (RFC 9110 §13.2.1): run the request into a buffer and answer 304 only if it
                // succeeded; a 404, 301 or 400 for the same URL is passed on as it is. With output caching this is cheap.
                var body = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.Response.Body = body;
                }

                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    // A 304 carries the headers the 200 would have had that describe it (RFC 9110 §15.4.5), Vary among them.
                    var vary = context.Response.Headers.Vary;
                    context.Response.Clear();
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    context.Response.Headers.Vary = vary;
                    context.Response.Headers.CacheControl = "no-cache";
                    context.Response.Headers.ETag = etag;
                    context.Response.Headers.LastModified = lastModifiedText;
                    return;
                }

                buffer.Position = 0;
                await buffer.CopyToAsync(body, context.RequestAborted);
                return;
            }

            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.Headers.ContainsKey(HeaderNames.ETag))
                {
                    context.Response.Headers.CacheControl = "no-cache";
                    context.Response.Headers.ETag = etag;
                    context.Response.Headers.LastModified = lastModifiedText;
                }

                return Task.CompletedTask;
            });
            await next(context);
        });

    private static bool IsExcluded(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/dev") || path.StartsWithSegments("/error")
        || Path.HasExtension(path.Value) && !IsOwnExport(path);

    private static bool IsOwnExport(PathString path) =>
        path.Value is { } p && (p.EndsWith(".csv", StringComparison.Ordinal) || p.EndsWith(".atom", StringComparison.Ordinal)
            || p.EndsWith(".xml", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal)
            || p.EndsWith(".bib", StringComparison.Ordinal) || p.EndsWith(".ris", StringComparison.Ordinal)
            || p.EndsWith("cite.json", StringComparison.Ordinal) || p.EndsWith("v1.json", StringComparison.Ordinal));

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // Weak comparison, as RFC 9110 requires for If-None-Match.
            return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
        }

        return request.GetTypedHeaders().IfModifiedSince is { } since && since >= lastModified;
    }
}
