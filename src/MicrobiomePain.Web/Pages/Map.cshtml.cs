using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages;

/// <summary>The evidence map: condition × level (the default), or condition × certainty with ?view=certainty.</summary>
public sealed class MapModel(ClaimStoreContext db) : PageModel
{
    public const string CertaintyView = "certainty";

    public EvidenceMatrix? Matrix { get; private set; }

    public CertaintyMatrix? Certainty { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken ct)
    {
        var vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        switch (view)
        {
            case null or "":
                Matrix = await ClaimQuery.MatrixAsync(db, vocabulary, ct);
                return Page();
            case CertaintyView:
                Certainty = await ClaimQuery.CertaintyMatrixAsync(db, vocabulary, ct);
                return Page();
            default:
                return BadRequest($"The value '{view}' for 'view' was not understood; use 'certainty' or leave it out.");
        }
    }
}
