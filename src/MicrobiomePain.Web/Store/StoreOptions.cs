namespace MicrobiomePain.Web.Store;

/// <summary>Where content is read from and where built stores are kept. Bound from the "Store" configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>
    /// The content directory (the one holding claims/, sources.yml, …). When empty, the app looks for a
    /// folder named "content" in its content root and each parent folder, so `dotnet run` from the repository
    /// or the project folder finds the repository's content.
    /// </summary>
    public string? ContentPath { get; set; }

    /// <summary>
    /// Directory for built SQLite stores. When empty, ".store" next to the content directory (ignored by git).
    /// Stores are build products: deleting this directory is always safe, the next start rebuilds it.
    /// </summary>
    public string? StoreDirectory { get; set; }

    /// <summary>
    /// Rebuild the store when files under the content directory change (live reload). When not set: on in the
    /// Development environment, off elsewhere — a production instance serves the content it started with, and a new
    /// content version is a new deployment (or a restart), so replicas never disagree.
    /// </summary>
    public bool? WatchContent { get; set; }

    /// <summary>Quiet time after the last file change before a live reload starts (editors save in several steps).</summary>
    public int ReloadDelayMilliseconds { get; set; } = 300;

    public static string ResolveContentPath(string? configured, params string[] searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in searchFrom)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, "claims")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"No content directory found above {string.Join(" or ", searchFrom)}; set Store:ContentPath (or the environment variable Store__ContentPath).");
    }

    public static string ResolveStoreDirectory(string? configured, string contentPath) =>
        !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(contentPath).TrimEnd(Path.DirectorySeparatorChar))!, ".store");
}
