using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>One immutable, built store file and the content version it holds.</summary>
public sealed record StoreVersion(string Path, string ContentHash, DateTimeOffset BuiltAt)
{
    /// <summary>Short form of the content hash shown in the footer and used in ETags.</summary>
    public string ShortHash => ContentHash[..12];

    public string ConnectionString { get; } =
        new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly }.ToString();
}

/// <summary>Thrown when content has errors and no store can be built from it.</summary>
public sealed class ContentInvalidException(IReadOnlyList<ContentDiagnostic> diagnostics)
    : Exception($"The content has {diagnostics.Count(d => d.IsError)} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
{
    public IReadOnlyList<ContentDiagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>Thrown when no store can be written (e.g. a read-only or impossible store folder).</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Knows which store file is current. Requests read <see cref="Current"/> once (through the DbContext
/// registration) so each request sees one consistent version; a rebuild swaps the reference atomically.
/// </summary>
public sealed class ClaimStore(string contentPath, string storeDirectory, ILogger<ClaimStore> logger)
{
    private StoreVersion? _current;

    public string ContentPath { get; } = contentPath;

    public string StoreDirectory { get; } = storeDirectory;

    public StoreVersion Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException("The store has not been built yet; call BuildClaimStore() at startup.");

    /// <summary>
    /// Makes the store match the content: reuses the store for an unchanged content hash, otherwise reads,
    /// checks and builds a new one. On invalid content throws <see cref="ContentInvalidException"/> and keeps
    /// serving the previous store, if there was one.
    /// </summary>
    public StoreVersion Refresh()
    {
        var hash = ContentReader.Hash(ContentPath);
        if (Volatile.Read(ref _current) is { } current && current.ContentHash == hash && File.Exists(current.Path))
        {
            return current;
        }

        var existing = System.IO.Path.Combine(StoreDirectory, StoreBuilder.FileNameFor(hash));
        if (StoreFile.TryOpen(existing, hash) is { } reused)
        {
            logger.LogInformation("Content unchanged ({Hash}); using existing store {Path}", reused.ShortHash, reused.Path);
            return Swap(reused);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = ContentReader.Read(ContentPath);
        foreach (var warning in result.Diagnostics.Where(d => !d.IsError))
        {
            logger.LogWarning("{Diagnostic}", warning.ToString());
        }

        if (!result.Succeeded)
        {
            throw new ContentInvalidException(result.Diagnostics);
        }

        string path;
        try
        {
            path = StoreBuilder.Build(result.Content!, StoreDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            // Decided: fail clearly rather than fall back to a temp folder, which would hide a misconfigured path.
            throw new StoreUnavailableException(
                $"The store folder '{StoreDirectory}' cannot be written ({ex.Message}). Set Store:StoreDirectory to a writable folder.", ex);
        }

        var built = StoreFile.TryOpen(path, result.Content!.Hash)
            ?? throw new InvalidOperationException($"The store just built at {path} could not be opened.");
        logger.LogInformation(
            "Built store {Path} from {Claims} claims in {Elapsed:F0} ms",
            path, result.Content.Claims.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Swap(built);
    }

    private StoreVersion Swap(StoreVersion next)
    {
        Volatile.Write(ref _current, next);
        return next;
    }
}

/// <summary>Checks that a file on disk is a complete store for a given content hash.</summary>
public static class StoreFile
{
    public static StoreVersion? TryOpen(string path, string expectedHash)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var candidate = new StoreVersion(path, expectedHash, default);

            // Unpooled: a pooled handle to a corrupt file would outlive the file's replacement.
            using var connection = new SqliteConnection(candidate.ConnectionString + ";Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM store_info";
            var info = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    info[reader.GetString(0)] = reader.GetString(1);
                }
            }

            return info.GetValueOrDefault(StoreBuilder.HashKey) == expectedHash
                   && info.GetValueOrDefault(StoreBuilder.FormatKey) == ContentReader.FormatVersion
                   && DateTimeOffset.TryParse(info.GetValueOrDefault(StoreBuilder.BuiltAtKey), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var builtAt)
                ? candidate with { BuiltAt = builtAt }
                : null;
        }
        catch (SqliteException)
        {
            // Truncated, corrupted or not a SQLite file at all: treat as absent so it is rebuilt.
            return null;
        }
    }
}
