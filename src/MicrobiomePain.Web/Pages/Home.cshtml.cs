using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

public sealed class HomeModel(ClaimStoreContext db) : PageModel
{
    /// <summary>The unfiltered list's facet counts: claims per level and per condition.</summary>
    public ClaimListPage Overview { get; private set; } = null!;

    public FilterVocabulary Vocabulary { get; private set; } = null!;

    public EvidenceMatrix Matrix { get; private set; } = null!;

    public OverstatementSummary Overstatement { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        Overview = await ClaimQuery.ListAsync(db, ClaimFilter.All, Vocabulary, ct);
        Matrix = await ClaimQuery.MatrixAsync(db, Vocabulary, ct);
        Overstatement = await ClaimQuery.OverstatementAsync(db, ct);
    }
}
