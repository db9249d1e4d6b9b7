using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// Keeps the store folder from filling up with old versions while never deleting a file someone may still read.
/// The rule (decided, conservative):
/// - a process deletes only stores that it served itself and then replaced (live reload makes one per edit), and only
///   once they have been out of service for <see cref="Grace"/>, so requests that started before the swap finish first;
///   stores written or used by other processes sharing the folder (replicas, `build-store`) are never touched;
/// - a temporary file from a build (".tmp") is deleted when it is older than an hour: a live build finishes in seconds,
///   so such a file is left over from a build that crashed.
/// </summary>
public sealed class StoreCleanup(string storeDirectory, ILogger logger)
{
    private static readonly TimeSpan AbandonedBuildAge = TimeSpan.FromHours(1);
    private readonly List<(string Path, DateTimeOffset RetiredAt)> _retired = [];

    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Notes that <paramref name="previous"/> is no longer served and deletes earlier retired stores past their grace.</summary>
    public void Retire(string? previous, string current)
    {
        lock (_retired)
        {
            _retired.RemoveAll(r => r.Path == current);
            if (previous is not null && previous != current)
            {
                _retired.Add((previous, DateTimeOffset.UtcNow));
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var old in _retired.Where(r => now - r.RetiredAt >= Grace).ToList())
            {
                if (TryDelete(old.Path))
                {
                    _retired.Remove(old);
                }
            }
        }
    }

    public void DeleteAbandonedBuilds()
    {
        if (!Directory.Exists(storeDirectory))
        {
            return;
        }

        foreach (var temp in Directory.EnumerateFiles(storeDirectory, "store-*.tmp"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(temp) > AbandonedBuildAge)
            {
                TryDelete(temp);
            }
        }
    }

    private bool TryDelete(string path)
    {
        try
        {
            // Pooled read-only connections keep the file open (and its disk space in use) after deletion.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString()))
            {
                SqliteConnection.ClearPool(connection);
            }

            File.Delete(path);
            logger.LogInformation("Deleted old store file {Path}", path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not delete old store file {Path}: {Message}", path, ex.Message);
            return false;
        }
    }
}
