using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Errors;

/// <summary>The page shown for any error status: plain words, the right status code, no internals.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading => Code switch
    {
        400 => "This request was not understood",
        404 => "Page not found",
        405 => "Method not allowed",
        429 => "Too many requests",
        _ when Code >= 500 => "Something went wrong on our side",
        _ => "This request could not be answered",
    };

    public IActionResult OnGet(int code) => Render(code);

    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        // Reached directly (/error/404) or re-executed by the status code middleware: keep a sensible status.
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        return Page();
    }
}
