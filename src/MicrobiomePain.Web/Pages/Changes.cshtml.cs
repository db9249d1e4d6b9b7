using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class ChangesModel(ClaimStoreContext db) : PageModel
{
    /// <summary>Changes listed on the page; older ones stay in the claims' own histories.</summary>
    public const int MaxChanges = 1000;

    public IReadOnlyList<SiteChange> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Changes = await ClaimQuery.ChangesAsync(db, MaxChanges, ct);
}
