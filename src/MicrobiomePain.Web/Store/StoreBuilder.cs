using MicrobiomePain.Web.Content;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// Stage three: writes a checked <see cref="ContentSet"/> into a new SQLite file through EF Core, in one
/// transaction, then renames it into place. A reader never sees a half-written store: until the rename the
/// file has a temporary name, and the rename is atomic.
/// </summary>
public static class StoreBuilder
{
    public const string HashKey = "content_hash";
    public const string FormatKey = "format_version";
    public const string BuiltAtKey = "built_at";

    public static string FileNameFor(string hash) => $"store-{hash[..16]}.db";

    public static string Build(ContentSet content, string storeDirectory)
    {
        Directory.CreateDirectory(storeDirectory);
        var finalPath = Path.Combine(storeDirectory, FileNameFor(content.Hash));
        var tempPath = Path.Combine(storeDirectory, $"{Path.GetFileNameWithoutExtension(finalPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Write(content, tempPath);
            File.Move(tempPath, finalPath, overwrite: true);
            return finalPath;
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    public static DbContextOptions<ClaimStoreContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<ClaimStoreContext>()
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;

    private static void Write(ContentSet content, string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using (var db = new ClaimStoreContext(Options(connectionString)))
        {
            db.Database.EnsureCreated();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            using var transaction = db.Database.BeginTransaction();
            AddRows(db, content);
            db.SaveChanges();
            transaction.Commit();
        }

        // EF Core creates SQLite files in WAL mode. Switch back to a rollback journal and compact, so the finished
        // file is self-contained: read-only readers then need no -wal/-shm files and no write access to the directory.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA optimize; VACUUM;";
        command.ExecuteNonQuery();
    }

    private static void AddRows(ClaimStoreContext db, ContentSet content)
    {
        var ranks = content.Levels.ToDictionary(l => l.Slug, l => l.Rank);
        db.EvidenceLevels.AddRange(content.Levels.Select(l => new EvidenceLevelRow
        {
            Slug = l.Slug, Name = l.Name, Rank = l.Rank, Symbol = l.Symbol, Description = l.Description, MoveUp = l.MoveUp,
        }));
        db.Conditions.AddRange(content.Conditions.Select((c, i) => new ConditionRow
        {
            Slug = c.Slug, Name = c.Name, Description = c.Description, Position = i,
        }));
        db.Sources.AddRange(content.Sources.Select(s => new SourceRow
        {
            Key = s.Key, Authors = s.Authors, Year = s.Year, Title = s.Title, Journal = s.Journal, Doi = s.Doi,
            Pmid = s.Pmid, Pmcid = s.Pmcid, Url = s.Url, StudyType = s.StudyType, Population = s.Population,
            SampleSize = s.SampleSize, Finding = s.Finding, Verification = s.Verification,
            UnverifiedFields = string.Join(',', s.Unverified), PartlyVerifiedFields = string.Join(',', s.PartlyVerified),
            Note = s.Note,
        }));

        foreach (var claim in content.Claims)
        {
            var number = ClaimNumber(claim.Id);
            db.Claims.Add(new ClaimRow
            {
                Number = number, Id = claim.Id, Slug = claim.Slug, Title = claim.Title, Kind = claim.Kind,
                LevelSlug = claim.Evidence, LevelRank = ranks[claim.Evidence], LevelReasoning = claim.LevelReasoning,
                ArticleQuote = claim.ArticleQuote, HypeGap = claim.HypeGap, Reviewed = claim.Reviewed,
                SummaryHtml = claim.SummaryHtml, SummaryText = claim.SummaryText, EvidenceHtml = claim.EvidenceHtml,
                WhatWouldChangeHtml = claim.WhatWouldChangeHtml, FirstCaveatHtml = claim.CaveatsHtml[0],
                Caveats = claim.CaveatsHtml.Select((html, i) => new CaveatRow { Position = i, Html = html }).ToList(),
                Conditions = claim.Conditions.Select(c => new ClaimConditionRow { ConditionSlug = c }).ToList(),
                Sources = claim.Sources.Select((s, i) => new ClaimSourceRow
                {
                    SourceKey = s.Key, Relation = s.Relation, Note = s.Note, Position = i,
                }).ToList(),
                Aliases = claim.Aliases.Select(a => new ClaimAliasRow { Slug = a }).ToList(),
            });
        }

        db.StoreInfo.AddRange(
            new StoreInfoRow { Key = HashKey, Value = content.Hash },
            new StoreInfoRow { Key = FormatKey, Value = ContentReader.FormatVersion },
            new StoreInfoRow { Key = BuiltAtKey, Value = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>The number in a claim id ("C7" is 7); used as the store's key and for article order.</summary>
    public static int ClaimNumber(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
