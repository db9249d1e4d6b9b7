using System.Diagnostics.CodeAnalysis;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// The one step from a request's query to a filter, taken by the list page, the JSON API and the exports alike: the
/// store's vocabulary read once, the query parsed against it, and what was not understood.
/// </summary>
public sealed record ClaimFilterRequest(FilterVocabulary Vocabulary, ClaimFilter? Filter, FilterError? Error)
{
    /// <summary>True when the query is a filter (and <see cref="Filter"/> is set); otherwise <see cref="Error"/> says why not.</summary>
    [MemberNotNullWhen(true, nameof(Filter))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Understood => Error is null;

    public static async Task<ClaimFilterRequest> ReadAsync(ClaimStoreContext db, IQueryCollection query, CancellationToken ct)
    {
        var vocabulary = await ClaimQuery.VocabularyAsync(db, ct);
        var (filter, error) = ClaimFilterParser.Parse(query, vocabulary);
        return new(vocabulary, filter, error);
    }

    /// <summary>The same step for a list state carried as a query string ("condition=x&amp;page=2"), as in a claim page's ?from=.</summary>
    public static async Task<ClaimFilterRequest> ReadAsync(ClaimStoreContext db, string query, CancellationToken ct) =>
        await ReadAsync(db, new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)), ct);

    /// <summary>The API's and the exports' answer to a query that is not a filter: an RFC 9457 problem naming the parameter,
    /// the value and the values that would have been valid.</summary>
    public IResult Problem()
    {
        var error = Error ?? throw new InvalidOperationException("The filter was understood; there is no problem to answer.");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Filter not understood",
            detail: error.Message,
            extensions: new Dictionary<string, object?>
            {
                ["parameter"] = error.Parameter,
                ["value"] = error.Value,
                ["validValues"] = error.ValidValues,
            });
    }
}
