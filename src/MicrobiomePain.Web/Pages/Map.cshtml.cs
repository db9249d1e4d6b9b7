using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class MapModel(ClaimStoreContext db) : PageModel
{
    public EvidenceMatrix Matrix { get; private set; } = null!;

    public CertaintyMatrix Certainty { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        Matrix = await ClaimQuery.MatrixAsync(db, vocabulary, ct);
        Certainty = await ClaimQuery.CertaintyMatrixAsync(db, vocabulary, ct);
    }
}
