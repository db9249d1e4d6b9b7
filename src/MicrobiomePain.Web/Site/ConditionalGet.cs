using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.OutputCaching;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// ETag, Last-Modified and <c>Cache-Control: no-cache</c> on every 200 of an output-cached endpoint (pages, the API,
/// exports, citations, feeds, sitemap), from the store version that answered it (<see cref="StoreVersion.ETag"/>). The
/// output cache keeps them with the entry and answers a matching If-None-Match or If-Modified-Since with a 304 itself,
/// with the entry's Vary; it stores only 200s, so a 404, 301 or 400 is never turned into a 304. Browsers and shared caches
/// may keep a page but must revalidate (a cheap 304) before reuse, so no one serves an older content version by heuristic
/// freshness. Static assets have their own fingerprinted validators and are left alone.
/// </summary>
public static class ConditionalGet
{
    public static IApplicationBuilder UseConditionalGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var metadata = context.GetEndpoint()?.Metadata;
            if (metadata?.GetMetadata<OutputCacheAttribute>() is null && metadata?.GetMetadata<IOutputCachePolicy>() is null)
            {
                return next(context);
            }

            // Said before the endpoint runs: the output cache copies an entry's headers at its first body write, before
            // OnStarting (CachingTests.A_repeated_request_gets_the_first…); taken off again below from anything but a 200 or the cache's 304.
            var version = context.RequestServices.GetRequiredService<StoreVersion>();
            var headers = context.Response.Headers;
            headers.CacheControl = "no-cache";
            headers.ETag = version.ETag;
            headers.LastModified = version.LastModifiedText;
            var current = NotModifiedBody.Names(context.Request, version.ETag);
            if (current)
            {
                context.Response.Body = new NotModifiedBody(context.Response.Body, context.Response);
            }

            context.Response.OnStarting(() =>
            {
                if (current)
                {
                    NotModifiedBody.MakeNotModified(context.Response);
                }

                if (context.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
                {
                    headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ETag);
                    headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.LastModified);
                    headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.CacheControl);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
