using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class EvidenceModel(ClaimStoreContext db) : PageModel
{
    public IReadOnlyList<LevelExplained> Levels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Levels = await ClaimQuery.LevelsAsync(db, ct);
}
