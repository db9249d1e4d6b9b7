using System.Globalization;
using System.Reflection;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// The HTTP validators of a store version. Every representation the app serves is a function of (content, code, URL,
/// Accept-Encoding) and a store is immutable, so one validator per version and build is exact. It is a weak ETag:
/// compressed and uncompressed bodies are semantically equal but not byte-equal (RFC 9110 §8.8.3).
/// </summary>
public sealed partial record StoreVersion
{
    private static readonly string BuildId = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N")[..8];

    public string ETag => $"W/\"{ShortHash}-{BuildId}\"";

    /// <summary>When the store was built, at the one-second resolution of HTTP dates.</summary>
    public string LastModifiedText => BuiltAt.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
}
