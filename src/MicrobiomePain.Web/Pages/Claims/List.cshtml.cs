using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Claims;

public sealed class ClaimListModel(ClaimStoreContext db) : PageModel
{
    public FilterVocabulary Vocabulary { get; private set; } = new([], []);

    public ClaimListPage? Result { get; private set; }

    public FilterError? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        var (filter, error) = ClaimFilterParser.Parse(Request.Query, Vocabulary);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await ClaimQuery.ListAsync(db, filter!, Vocabulary, ct);
        if (filter!.Page > Result.PageCount)
        {
            return NotFound();
        }

        return Page();
    }

    public string ListUrl(ClaimFilter filter) => "/claims" + filter.ToQueryString();
}
