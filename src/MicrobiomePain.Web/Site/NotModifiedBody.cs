using Microsoft.Net.Http.Headers;

namespace MicrobiomePain.Web.Site;

/// <summary>
/// The one 304 the output cache does not give: a revalidation whose validator is current but whose variant is not in the
/// cache (another Accept-Encoding, an evicted entry, another replica) would get the whole page again.
/// ServingTests.A_revalidation_gets_304_from_one_owner… fails on the framework's own behaviour. The response is not
/// buffered: at its first byte (or its start, if it has none) a 200 becomes a 304 and the body is dropped.
/// </summary>
internal sealed class NotModifiedBody(Stream inner, HttpResponse response) : WriteThroughStream(inner)
{
    /// <summary>True when the request's If-None-Match names this validator (weak comparison, RFC 9110 §13.1.2).</summary>
    public static bool Names(HttpRequest request, string etag) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));

    /// <summary>Turns a 200 not yet started into a 304; true when the response is (now) a 304 whose body must be dropped.</summary>
    public static bool MakeNotModified(HttpResponse response)
    {
        if (!response.HasStarted && response.StatusCode == StatusCodes.Status200OK)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
        }

        return response.StatusCode == StatusCodes.Status304NotModified;
    }

    protected override bool Passes(ReadOnlySpan<byte> bytes) => !MakeNotModified(response);
}
