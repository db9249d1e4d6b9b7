using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// Compares content about to be built with the store it replaces: a claim whose evidence level changed without a new
/// entry in its 'history' is reported as a warning at the claim's 'evidence' field. Readers see every change to a
/// claim's review on /changes, so a silent level change is one they would miss. (When the certainty axis exists, it
/// belongs here too.)
/// </summary>
public static class ReviewChangeCheck
{
    /// <summary>What the replaced store recorded for one claim.</summary>
    public sealed record Previous(string Level, int HistoryCount, DateOnly? NewestChange);

    public static IReadOnlyList<ContentDiagnostic> Compare(ContentSet next, IReadOnlyDictionary<string, Previous> previous)
    {
        var warnings = new List<ContentDiagnostic>();
        foreach (var claim in next.Claims)
        {
            if (!previous.TryGetValue(claim.Id, out var before) || before.Level == claim.Evidence)
            {
                continue;
            }

            var newest = claim.History.Count > 0 ? claim.History.Max(h => h.Date) : (DateOnly?)null;
            var hasNewEntry = claim.History.Count > before.HistoryCount || (newest is { } n && (before.NewestChange is null || n > before.NewestChange));
            if (!hasNewEntry)
            {
                var p = claim.FieldPositions["evidence"];
                warnings.Add(new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Warning,
                    $"the level changed from '{before.Level}' to '{claim.Evidence}' since the store this build replaces, but 'history' has no new entry; add '- date: …, change: …, why: …' so readers see the change on /changes."));
            }
        }

        return warnings;
    }

    /// <summary>Reads each claim's level and history summary from a built store; empty if it cannot be read.</summary>
    public static Dictionary<string, Previous> Read(string storePath)
    {
        var result = new Dictionary<string, Previous>(StringComparer.Ordinal);
        try
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            using var connection = new SqliteConnection(cs);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT c.Id, c.LevelSlug, COUNT(h.Position), MAX(h.Date) FROM claims c " +
                "LEFT JOIN claim_history h ON h.ClaimNumber = c.Number GROUP BY c.Number";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                DateOnly? newest = reader.IsDBNull(3) ? null : DateOnly.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture);
                result[reader.GetString(0)] = new Previous(reader.GetString(1), reader.GetInt32(2), newest);
            }
        }
        catch (SqliteException)
        {
            // An older store format (no history table) or an unreadable file: nothing to compare against.
            result.Clear();
        }

        return result;
    }

    /// <summary>The store a build replaces: the one being served, else the newest store file left in the folder.</summary>
    public static string? ReplacedStore(StoreVersion? current, string storeDirectory)
    {
        if (current is not null && File.Exists(current.Path))
        {
            return current.Path;
        }

        return Directory.Exists(storeDirectory)
            ? new DirectoryInfo(storeDirectory).GetFiles("store-*.db").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName
            : null;
    }
}
