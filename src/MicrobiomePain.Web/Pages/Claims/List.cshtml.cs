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
        Vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        var (filter, error) = ClaimFilterParser.Parse(Request.Query, Vocabulary);
        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The filter form sends every field, empty ones too (?q=&min=&sort=strength). Send the reader on to the short,
        // canonical address of the same list, so the URL they copy or bookmark is the one every link on the site uses.
        // Only for empty values: any other spelling of a filter is answered where it is (its canonical link names the
        // short form), so a shared link never costs a redirect.
        if (Request.Query.Any(p => p.Value.Any(string.IsNullOrWhiteSpace)))
        {
            return Redirect(Links.ClaimList(filter!));
        }

        Result = await ClaimQuery.ListAsync(db, filter!, Vocabulary, ct);
        if (filter!.Page > Result.PageCount)
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
    public string Title()
    {
        if (Result is not { Filter: var filter })
        {
            return "Claims";
        }

        var parts = new List<string>();
        if (filter.Conditions.Count > 0)
        {
            parts.Add(string.Join(" or ", Vocabulary.Conditions.Where(c => filter.Conditions.Contains(c.Slug)).Select(c => c.Name)));
        }

        if (filter.Levels.Count > 0)
        {
            parts.Add(string.Join(" or ", Vocabulary.Levels.Where(l => filter.Levels.Contains(l.Slug)).Select(l => l.Name)));
        }

        if (filter.MinLevel is { } min)
        {
            parts.Add("at least " + Vocabulary.Levels.First(l => l.Slug == min).Name);
        }

        if (filter.Certainties.Count > 0)
        {
            parts.Add("certainty " + string.Join(" or ", CertaintyBadge.All.Where(c => filter.Certainties.Contains(c.Slug)).Select(c => c.Name.ToLowerInvariant())));
        }

        if (filter.Page > 1)
        {
            parts.Add($"page {filter.Page}");
        }

        return parts.Count == 0 ? "Claims" : "Claims: " + string.Join("; ", parts);
    }
}
