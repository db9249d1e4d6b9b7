using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class MapModel(ClaimStoreContext db) : PageModel
{
    public EvidenceMatrix Matrix { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Matrix = await ClaimQuery.MatrixAsync(db, await ClaimQuery.VocabularyAsync(db, ct), ct);
}
