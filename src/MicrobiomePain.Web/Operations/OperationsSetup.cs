using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicrobiomePain.Web.Operations;

/// <summary>Health endpoint, API rate limiting, structured logs, graceful shutdown and the server banner.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();
        builder.Services.Configure<OperationsOptions>(builder.Configuration.GetSection(OperationsOptions.Section));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line, with the request id and trace id from the hosting scope.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.ApiRequestsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("pages"));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "Slow down and retry after the number of seconds in Retry-After.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Only the API is limited, so only API requests pass through the limiter: its partition lookup takes a lock shared by
        // every request, which was a visible share of a cached page's time under load (pages had the no-op partition anyway).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseRateLimiter());
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteHealth });
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var store = report.Entries.TryGetValue("store", out var entry) ? entry.Data : new Dictionary<string, object>();
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["store"] = store,
        }));
    }
}

/// <summary>Liveness plus what is being served: the content version, when it was built, how many claims it holds.</summary>
public sealed class StoreHealthCheck(ClaimStore store, ClaimStoreContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = store.Current;
            var claims = await db.Claims.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy("serving", new Dictionary<string, object>
            {
                ["version"] = current.ShortHash,
                ["contentHash"] = current.ContentHash,
                ["builtAt"] = current.BuiltAt.ToString("O", CultureInfo.InvariantCulture),
                ["claims"] = claims,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            return HealthCheckResult.Unhealthy("store unavailable: " + ex.Message);
        }
    }
}
