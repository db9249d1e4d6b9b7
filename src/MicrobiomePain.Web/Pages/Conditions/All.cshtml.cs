using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MicrobiomePain.Web.Pages.Conditions;

public sealed class ConditionsModel(ClaimStoreContext db) : PageModel
{
    public IReadOnlyList<ConditionSummary> Conditions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Conditions = await ClaimQuery.ConditionsAsync(db, ct);
}
