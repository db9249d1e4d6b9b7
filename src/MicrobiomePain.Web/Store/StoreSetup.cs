using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicrobiomePain.Web.Store;

public static class StoreSetup
{
    /// <summary>Registers the store and a per-request DbContext bound to the store version current at request start.</summary>
    public static WebApplicationBuilder AddClaimStore(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StoreOptions>(builder.Configuration.GetSection(StoreOptions.Section));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            var env = sp.GetRequiredService<IWebHostEnvironment>();
            var content = StoreOptions.ResolveContentPath(options.ContentPath, env.ContentRootPath, Environment.CurrentDirectory, AppContext.BaseDirectory);
            var store = StoreOptions.ResolveStoreDirectory(options.StoreDirectory, content);
            return new ClaimStore(content, store, sp.GetRequiredService<ILogger<ClaimStore>>());
        });
        // The store version a request sees is read once, when its scope needs it first, and every part of the request (the
        // DbContext, the ETag, the output-cache key, the layout's footer) takes it from here, so a swap mid-request cannot
        // mix two versions.
        builder.Services.AddScoped(sp => sp.GetRequiredService<ClaimStore>().Current);
        builder.Services.AddDbContext<ClaimStoreContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<StoreVersion>().ConnectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        var watch = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>()?.WatchContent;
        if (watch ?? builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<ContentWatcher>();
        }

        return builder;
    }

    /// <summary>
    /// Builds (or reuses) the store before the app serves anything. Invalid content throws
    /// <see cref="ContentInvalidException"/>; Program turns that into the diagnostics and exit code 1.
    /// </summary>
    public static WebApplication BuildClaimStore(this WebApplication app)
    {
        app.Services.GetRequiredService<ClaimStore>().Refresh();
        return app;
    }
}
