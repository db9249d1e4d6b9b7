using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Site;
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
        var read = await ClaimFilterRequest.ReadAsync(db, Request.Query, ct);
        Vocabulary = read.Vocabulary;
        if (!read.Understood)
        {
            Error = read.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var filter = read.Filter;
        // The filter form sends every field, empty ones too (?q=&min=&sort=strength). Send the reader on to the short,
        // canonical address of the same list, so the URL they copy or bookmark is the one every link on the site uses.
        // Only for empty values: any other spelling of a filter is answered where it is (its canonical link names the
        // short form), so a shared link never costs a redirect.
        if (Request.Query.Any(p => p.Value.Any(string.IsNullOrWhiteSpace)))
        {
            return Redirect(Links.ClaimList(filter));
        }

        Result = await ClaimQuery.ListAsync(db, filter, Vocabulary, ct);
        if (Result.IsPastTheEnd)
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>
    /// A claim's link from this list. A filtered list passes its own state along (?from=…) so the claim page can offer
    /// a breadcrumb back to it; the claim's permalink and canonical URL stay the bare /claims/{slug}.
    /// </summary>
    public string ClaimUrl(string slug) =>
        Result is { Filter: var f } && (f.IsFiltered || f.Page > 1 || f.Sort != f.DefaultSort)
            ? Links.Claim(slug, f)
            : Links.Claim(slug);

    /// <summary>The list in words ("Claims: Fibromyalgia; Human trial; page 2"), so a tab, the history and a screen reader say which list this is.</summary>
    public string Title() => Result is { Filter: var filter } ? FilterWords.Describe(filter, Vocabulary).Title() : "Claims";
}
