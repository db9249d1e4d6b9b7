using Microsoft.AspNetCore.OutputCaching;

namespace MicrobiomePain.Web.Site;

/// <summary>The reader's pages (Razor Pages), static assets, error pages and the middleware every response passes through.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            // Every page is output-cached except the development status page, which shows the live state.
            o.Conventions.AddFolderApplicationModelConvention("/", page =>
            {
                if (!page.ViewEnginePath.StartsWith("/Dev/", StringComparison.Ordinal))
                {
                    page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Caching.ContentPolicy });
                }
            });
        });
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));

        // Lower-case URLs everywhere; slugs are lower-case already. {slug:slug} admits only a well-formed slug.
        builder.Services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap[SlugConstraint.Name] = typeof(SlugConstraint);
        });

        // Run from build output (`dotnet run -c Release` in Production), the static-asset endpoints name files that exist only
        // in obj/ (the compressed variants), found through the build's manifest; the framework reads it in Development only, so
        // elsewhere every compressed asset was an empty 200. A published app has no such manifest, so this does nothing there.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    /// <summary>The middleware, outermost first, then the pages and static assets.</summary>
    /// <summary>Error pages: an exception is a 500 page outside Development, and any error status (an unknown URL, a
    /// bad query) re-executes /error/{status}, so a reader gets a page with the right status, never a blank response.</summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
