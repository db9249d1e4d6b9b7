using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Citations;

namespace MicrobiomePain.Web.Site;

public static class SiteSetup
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        // One page renders every prose page from the store; /article is the walk-through (content/article.md).
        builder.Services.AddRazorPages(o => o.Conventions.AddPageRoute("/Prose", "/article").AddPageRoute("/Prose", "/evidence/method"));
        builder.Services.Configure<SiteOptions>(builder.Configuration.GetSection(SiteOptions.Section));
        builder.AddApi();
        builder.AddPerformance();

        // Lower-case URLs everywhere; slugs are lower-case already.
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
        }

        // Unknown URLs and bad requests get a friendly page with the right status, not a blank response.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        app.UseReadOnlyMethods();
        app.UseConditionalGet();
        app.UseOutputCache();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapApi();
        app.MapExports();
        app.MapCitations();
        return app;
    }
}
