using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class SourcesModel(ClaimStoreContext db) : PageModel
{
    public IReadOnlyList<SourceEntry> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sources = await ClaimQuery.SourcesAsync(db, ct);
}
