using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;

namespace MicrobiomePain.Web.Pages.Dev;

/// <summary>
/// Development only: which content and store are being served and what the last live reload did, with every
/// diagnostic as file:line:col. Outside Development it does not exist (404), so it can never leak paths.
/// </summary>
public sealed class StatusModel(ClaimStore store, IWebHostEnvironment environment, IEnumerable<IHostedService> hostedServices) : PageModel
{
    public ClaimStore Store => store;

    public StoreVersion Serving { get; private set; } = null!;

    public RefreshAttempt? LastAttempt { get; private set; }

    public bool Watching { get; private set; }

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        // Always the present state: never from a cache, never a 304 (the content hash does not change when a reload fails).
        Response.Headers.CacheControl = "no-store";
        Serving = store.Current;
        LastAttempt = store.LastAttempt;
        Watching = hostedServices.OfType<ContentWatcher>().Any();
        return Page();
    }
}
