using System.IO.Compression;
using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MicrobiomePain.Web.Site;

/// <summary>Settings for serving speed, bound from the "Performance" configuration section.</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>Seconds a rendered page or export stays in the output cache; 0 turns output caching off (for measuring query cost).</summary>
    public int OutputCacheSeconds { get; set; } = 300;
}

/// <summary>
/// Output caching and response compression, both the framework's own, applied per endpoint (see docs/operations.md, "Caching").
/// <list type="bullet">
/// <item>Only endpoints that opt in with <see cref="CacheContent{TBuilder}"/> are output-cached: pages, the JSON API, OpenAPI,
/// citations, feeds, exports, sitemap and robots. Static assets (precompressed files with their own validators and content
/// negotiation), <c>/healthz</c> and <c>/dev</c> never are. There is no base policy: a new endpoint is uncached until it says
/// otherwise, so nothing is cached by accident.</item>
/// <item>Compression runs inside the cache, so an entry holds the bytes as sent (compressed once, served many times). An entry
/// therefore varies by the encoding the compression middleware will choose for the request — asked of the middleware's own
/// provider, so the key and the body can never disagree — as well as by the whole query and the content version.</item>
/// <item>Validators come from <see cref="ConditionalGet"/> (the store version's); the output cache answers 304s from them.</item>
/// </list>
/// </summary>
public static class Caching
{
    /// <summary>The one output-cache policy of the site's own representations.</summary>
    public const string ContentPolicy = "content";

    public static WebApplicationBuilder AddCaching(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PerformanceOptions.Section).Get<PerformanceOptions>() ?? new PerformanceOptions();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            // Every export's media type comes from the registry, so a new export cannot be left uncompressed by forgetting a list.
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes
                .Concat(ExportRegistry.All.Select(e => e.MediaType))
                .Append("application/problem+json")
                .Distinct(StringComparer.OrdinalIgnoreCase);
        });

        // Each entry is compressed once, when it is stored, so the smaller output is worth the time (Fastest was chosen when
        // every response was compressed anew). Uncached responses (caching off, bodies over the cache's size limit) pay it too.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        if (options.OutputCacheSeconds > 0)
        {
            builder.Services.AddSingleton(sp => new StoredAnswers(sp.GetRequiredService<ClaimStore>(), TimeSpan.FromSeconds(options.OutputCacheSeconds)));
        }

        builder.Services.AddOutputCache(o => o.AddPolicy(ContentPolicy, policy =>
        {
            if (options.OutputCacheSeconds <= 0)
            {
                policy.NoCache();
                return;
            }

            policy
                .Expire(TimeSpan.FromSeconds(options.OutputCacheSeconds))
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "store", context.RequestServices.GetRequiredService<StoreVersion>().ContentHash))
                .VaryByValue(context => new KeyValuePair<string, string>("encoding", NegotiatedEncoding(context)))
                // Without locking, requests that arrive together each render (a few milliseconds) instead of waiting for the
                // first: a waiting request is handed the first one's response as it ends, even if that was cut short
                // (dotnet/aspnetcore#56427, #52310), and a key that cannot be built makes unrelated requests share one (#67763).
                .SetLocking(false)
                .AddPolicy<CompleteResponsesOnly>();
        }));
        return builder;
    }

    /// <summary>Cache (outside) then compress (inside): the stored entry holds the compressed bytes and their headers.</summary>
    public static IApplicationBuilder UseCaching(this IApplicationBuilder app) =>
        app.UseOutputCache().UseResponseCompression().Use((context, next) =>
        {
            // Said before the endpoint runs, not when the response starts: the output cache copies an entry's headers at its
            // first body write, before OnStarting, and its repeats lacked Vary (CachingTests.A_repeated_request_gets_the_first…).
            VaryByEncoding(context.Response);
            return next(context);
        });

    /// <summary>
    /// The compression middleware says Vary only when it compresses; the uncompressed answer varies too, and a shared cache
    /// that stored it without Vary would hand it to every client. (Static assets say Vary themselves.)
    /// </summary>
    private static void VaryByEncoding(HttpResponse response)
    {
        var vary = response.Headers.Vary;
        if (!vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.Vary = StringValues.Concat(vary, HeaderNames.AcceptEncoding);
        }
    }

    /// <summary>
    /// Answers a repeated request from <see cref="StoredAnswers"/> when output caching is on; otherwise does nothing. Kept
    /// in issue 31: without it the output cache alone served 0.67–0.75 of nginx's rate and ~0.7 of this piece's
    /// (docs/performance.md, "Issue 31: the three load scripts in one run").
    /// </summary>
    public static IApplicationBuilder UseStoredAnswers(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<StoredAnswers>() is { } answers ? app.Use(answers.InvokeAsync) : app;

    /// <summary>Marks endpoints whose response is a pure function of (content version, URL, encoding).</summary>
    public static TBuilder CacheContent<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.CacheOutput(ContentPolicy);

    /// <summary>"br", "gzip" or "identity": what the response compression middleware will use for this request.</summary>
    private static string NegotiatedEncoding(HttpContext context)
    {
        var provider = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return provider.CheckRequestAcceptsCompression(context) && provider.GetCompressionProvider(context) is { } chosen
            ? chosen.EncodingName
            : "identity";
    }

    /// <summary>
    /// Never stores a response the client abandoned: its body may be cut short, and the framework stores it anyway when it has
    /// no Content-Length (dotnet/aspnetcore#56427, fixed after 10.0).
    /// </summary>
    private sealed class CompleteResponsesOnly : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
