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
            // EF Core owns the schema; the rows go in through prepared commands built from EF's own model (table and
            // column names), because the change tracker costs more than parsing at 10k+ claims.
            db.Database.EnsureCreated();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var rows = StoreRows.From(content);
            var writer = new StoreRowWriter(db.Model, connection, transaction);
            writer.Insert(rows.Levels);
            writer.Insert(rows.Conditions);
            writer.Insert(rows.Sources);
            writer.Insert(rows.Claims);
            writer.Insert(rows.Caveats);
            writer.Insert(rows.ClaimConditions);
            writer.Insert(rows.ClaimSources);
            writer.Insert(rows.Aliases);
            writer.Insert(rows.History);
            writer.Insert(rows.Info);
            writer.Insert(rows.Pages);
            MicrobiomePain.Web.Claims.ClaimSearch.CreateIndex(connection, transaction, rows);
            transaction.Commit();
        }

        // EF Core creates SQLite files in WAL mode. Switch back to a rollback journal and compact, so the finished
        // file is self-contained: read-only readers then need no -wal/-shm files and no write access to the directory.
        using var finish = new SqliteConnection(connectionString);
        finish.Open();
        using var command = finish.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA optimize; VACUUM;";
        command.ExecuteNonQuery();
    }

    /// <summary>The number in a claim id ("C7" is 7); used as the store's key and for article order.</summary>
    public static int ClaimNumber(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
