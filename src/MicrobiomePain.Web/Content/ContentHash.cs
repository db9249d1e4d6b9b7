using System.Security.Cryptography;
using System.Text;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// The content set's identity: a hash over every file (plus the store's format version), so an existing store can be
/// reused without reading the content again.
/// </summary>
public static class ContentHash
{
    /// <summary>Bumped whenever the store's shape or the way content is rendered changes, so old stores are rebuilt.</summary>
    public const string FormatVersion = "14";

    /// <summary>
    /// A hash over every file's relative path and bytes (plus <see cref="FormatVersion"/> and the certainty rule's
    /// <see cref="Grading.CertaintyRule.Version"/>, since the store holds the rule's grades); hidden files and folders are
    /// left out. Equal hashes mean an existing store can be reused without reading the content again.
    /// </summary>
    public static string Of(string contentDirectory)
    {
        var root = Path.GetFullPath(contentDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("format:" + FormatVersion + "\0rule:" + Grading.CertaintyRule.Version + "\0"));
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        // Files are read in parallel, a batch at a time (bounded memory), and hashed in path order.
        foreach (var batch in paths.Chunk(256))
        {
            var bytes = new byte[batch.Length][];
            Parallel.For(0, batch.Length, i => bytes[i] = File.ReadAllBytes(Path.Combine(root, batch[i])));
            for (var i = 0; i < batch.Length; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(batch[i] + "\0"));
                hash.AppendData(bytes[i]);
                hash.AppendData("\0"u8);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
