using System.IO.Compression;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.ResponseCompression;

namespace MicrobiomePain.Web.Site;

/// <summary>Settings for serving speed, bound from the "Performance" configuration section.</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>Seconds a rendered page or export stays in the output cache; 0 turns output caching off (for measuring query cost).</summary>
    public int OutputCacheSeconds { get; set; } = 300;
}

/// <summary>
/// Output caching and response compression, both the framework's own. The cache key includes the content hash,
/// so a rebuilt store can never be answered from a page rendered from the previous one, without any eviction.
/// </summary>
public static class Performance
{
    public static WebApplicationBuilder AddPerformance(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PerformanceOptions.Section).Get<PerformanceOptions>() ?? new PerformanceOptions();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/atom+xml", "text/csv", "application/x-bibtex", "application/x-research-info-systems"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.AddOutputCache(o =>
        {
            if (options.OutputCacheSeconds <= 0)
            {
                return;
            }

            o.AddBasePolicy(policy => policy
                .With(context => !context.HttpContext.Request.Path.StartsWithSegments("/healthz") && !context.HttpContext.Request.Path.StartsWithSegments("/dev"))
                .Expire(TimeSpan.FromSeconds(options.OutputCacheSeconds))
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "store", context.RequestServices.GetRequiredService<ClaimStore>().Current.ContentHash)));
        });
        return builder;
    }
}
