using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>One immutable, built store file and the content version it holds.</summary>
public sealed partial record StoreVersion(string Path, string ContentHash, DateTimeOffset BuiltAt)
{
    /// <summary>Short form of the content hash shown in the footer and used in ETags.</summary>
    public string ShortHash => ContentHash[..12];

    public string ConnectionString { get; } =
        new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>This version's claim index (filters, counts, orders, remembered searches), loaded on first use; it goes
    /// when the version does.</summary>
    public Claims.ClaimIndexSlot Index { get; init; } = new();
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
/// Knows which store file is current. Requests read <see cref="Current"/> once, as the scoped <see cref="StoreVersion"/>
/// service (StoreSetup), so each request sees one consistent version; a rebuild swaps the reference atomically.
/// </summary>
public sealed class ClaimStore(string contentPath, string storeDirectory, ILogger<ClaimStore> logger)
{
    private readonly Lock _refreshing = new();
    private readonly StoreCleanup _cleanup = new(storeDirectory, logger);
    private StoreVersion? _current;
    private RefreshAttempt? _lastAttempt;

    public string ContentPath { get; } = contentPath;

    public string StoreDirectory { get; } = storeDirectory;

    public StoreVersion Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException("The store has not been built yet; call BuildClaimStore() at startup.");

    /// <summary>What the last <see cref="Refresh"/> did (null before the first); shown on the development status page.</summary>
    public RefreshAttempt? LastAttempt => Volatile.Read(ref _lastAttempt);

    /// <summary>How long a store replaced by a rebuild is kept for requests that started before the swap.</summary>
    public TimeSpan RetiredStoreGrace
    {
        get => _cleanup.Grace;
        init => _cleanup.Grace = value;
    }

    /// <summary>
    /// Makes the store match the content: reuses the store for an unchanged content hash, otherwise reads,
    /// checks and builds a new one. On invalid content throws <see cref="ContentInvalidException"/> and keeps
    /// serving the previous store, if there was one. Calls are serialised (the content watcher and startup).
    /// </summary>
    public StoreVersion Refresh()
    {
        lock (_refreshing)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var (version, outcome, warnings) = RefreshCore();
                Record(new RefreshAttempt(DateTimeOffset.UtcNow, outcome, warnings, null, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                return version;
            }
            catch (ContentInvalidException ex)
            {
                Record(new RefreshAttempt(DateTimeOffset.UtcNow, RefreshOutcome.Invalid, ex.Diagnostics, null, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                throw;
            }
            catch (Exception ex) when (ex is StoreUnavailableException or IOException or UnauthorizedAccessException)
            {
                Record(new RefreshAttempt(DateTimeOffset.UtcNow, RefreshOutcome.Failed, [], ex.Message, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                throw;
            }
        }
    }

    private (StoreVersion Version, RefreshOutcome Outcome, IReadOnlyList<ContentDiagnostic> Warnings) RefreshCore()
    {
        var hash = ContentHash.Of(ContentPath);
        if (Volatile.Read(ref _current) is { } current && current.ContentHash == hash && File.Exists(current.Path))
        {
            return (current, RefreshOutcome.Unchanged, []);
        }

        _cleanup.DeleteAbandonedBuilds();
        var existing = System.IO.Path.Combine(StoreDirectory, StoreBuilder.FileNameFor(hash));
        if (StoreFile.TryOpen(existing, hash) is { } reused)
        {
            logger.LogInformation("Content unchanged ({Hash}); using existing store {Path}", reused.ShortHash, reused.Path);
            return (Swap(reused), RefreshOutcome.Reused, []);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var warmUp = StoreBuilder.WarmUpAsync();
        var result = ContentReader.Read(ContentPath);

        // The reader hashes the files after parsing them. A different hash than the one taken before means an author
        // saved while the files were being read: read again, so a store is never labelled with a version it does not hold.
        for (var attempt = 0; attempt < 3 && result.Content is { } read && read.Hash != hash; attempt++)
        {
            hash = read.Hash;
            result = ContentReader.Read(ContentPath);
        }

        var warnings = result.Diagnostics.Where(d => !d.IsError).ToList();
        if (result.Succeeded && ReviewChangeCheck.ReplacedStore(Volatile.Read(ref _current), StoreDirectory) is { } replaced)
        {
            warnings.AddRange(ReviewChangeCheck.Compare(result.Content!, ReviewChangeCheck.Read(replaced)));
        }

        foreach (var warning in warnings)
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
            warmUp.Wait();
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
        return (Swap(built), RefreshOutcome.Built, warnings);
    }

    private StoreVersion Swap(StoreVersion next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        _cleanup.Retire(previous?.Path, next.Path);
        return next;
    }

    private void Record(RefreshAttempt attempt) => Volatile.Write(ref _lastAttempt, attempt);
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
                   && info.GetValueOrDefault(StoreBuilder.FormatKey) == ContentHash.FormatVersion
                   && DateTimeOffset.TryParse(info.GetValueOrDefault(StoreBuilder.BuiltAtKey), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var builtAt)
                ? new StoreVersion(path, expectedHash, builtAt)
                : null;
        }
        catch (SqliteException)
        {
            // Truncated, corrupted or not a SQLite file at all: treat as absent so it is rebuilt.
            return null;
        }
    }
}
