using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Citations;
using MicrobiomePain.Web.Commands;
using MicrobiomePain.Web.Operations;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;

if (AppCommands.TryRun(args, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

// A publish serves its own wwwroot and settings wherever it is started from (Site/PublishedLayout.cs says why).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = PublishedLayout.ContentRoot(args, AppContext.BaseDirectory, Environment.CurrentDirectory),
});
builder.AddClaimStore();
builder.AddOperations();
builder.AddSite();
builder.AddCaching();
builder.AddApi();

var app = builder.Build();
try
{
    app.BuildClaimStore();
}
catch (ContentInvalidException ex)
{
    // An author's mistake is not a crash: print each problem as file:line:col and stop with exit code 1.
    foreach (var diagnostic in ex.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    Console.Error.WriteLine($"{ex.Diagnostics.Count(d => d.IsError)} error(s) in content; no store was built.");
    return 1;
}
catch (StoreUnavailableException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

app.UseOperations();      // HSTS, rate limiting, /healthz (never cached)
app.UseErrorPages();      // a 500 page for an exception, /error/{status} for any error status
app.UseStoredAnswers();   // a repeat of an answer already sent whole is sent again as its bytes and headers (Site/StoredAnswers)
// Routing, authentication and authorization run here, behind the fast path: called nowhere, WebApplication would put all
// three in front of every middleware above (the framework registers authentication and authorization services), and a
// repeat would pay for endpoint matching and a request scope it never uses (docs/performance.md, "Serving, as browsers ask").
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseSecurityHeaders(); // CSP and the other security headers on every response
app.UseReadOnlyMethods(); // GET, HEAD, OPTIONS only
app.UseConditionalGet();  // the store version's ETag / Last-Modified; the output cache answers 304s from them
app.UseCaching();         // output cache, with compression inside it (Site/Caching)
app.MapSite();            // static assets (never output-cached) and the Razor pages
app.MapApi();             // /api/*, /openapi/v1.json
app.MapExports();         // every export of Api/ExportRegistry: CSV, JSON Lines, Atom feeds, citations
app.MapCitations();       // /claims/by-id/{id}
app.MapSitemap();         // /sitemap.xml, /robots.txt
app.Run();
return 0;

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;
