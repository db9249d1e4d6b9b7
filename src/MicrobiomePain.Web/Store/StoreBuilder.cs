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

    /// <summary>
    /// Written as one file, never read until it is complete: a file nobody else can see needs no journal and no fsync
    /// (a failed build is deleted, never repaired), and it is created with 16 KiB pages, on which a claim row (about 2.3 kB
    /// at 10k synthetic claims) no longer takes a 4 KiB page nearly to itself. Its legacy (non-WAL) journal mode is what
    /// read-only readers need: no -wal/-shm files, no write access to the directory.
    /// </summary>
    private static void Write(ContentSet content, string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var db = new ClaimStoreContext(Options(connectionString));

        // The connection is opened (creating the empty file) before EF Core sees it, so EnsureCreated only adds the tables
        // and does not switch the file to WAL, and the page size is set before the first page is written.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        Execute(connection, "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536;");

        // EF Core owns the schema; the rows go in through prepared commands built from EF's own model (table and
        // column names), because the change tracker costs more than parsing at 10k+ claims.
        db.Database.EnsureCreated();
        IReadOnlyList<SearchDocument> documents;
        using (var transaction = connection.BeginTransaction())
        {
            // Secondary indexes are built after the rows are in (one sort each) instead of updated row by row.
            var indexes = DropIndexes(connection, transaction);
            var rows = StoreRows.From(content);
            documents = SearchIndexWriter.Documents(rows);
            var writer = new StoreRowWriter(db.Model, transaction);
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
            writer.Insert(rows.FacetTerms);
            writer.Insert(rows.Pages);
            writer.Insert(rows.ArticleSentences);
            SearchIndexWriter.CreateIndex(connection, transaction, documents);
            foreach (var index in indexes)
            {
                Execute(connection, index, transaction);
            }

            transaction.Commit();
        }

        // The search index's postings are read from FTS5's committed index (fts5vocab), so its tokens are FTS5's own.
        SearchIndexWriter.Write(connection, documents, content.Vocabulary);

        // Statistics for the query planner, as before. No VACUUM: rows were only ever inserted into a new file, so it has no
        // free pages to reclaim.
        Execute(connection, "PRAGMA optimize;");
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops the schema's explicit indexes (EF Core's CREATE INDEX statements) and returns them, to be run again.</summary>
    private static List<string> DropIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", transaction);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    /// <summary>
    /// Builds EF Core's model of the store (a quarter of a second of reflection and compilation on this machine) so that it is
    /// ready when the content has been read: started before reading, it overlaps with the parse instead of following it.
    /// </summary>
    public static Task WarmUpAsync() => Task.Run(() =>
    {
        using var db = new ClaimStoreContext(Options("Data Source=:memory:"));
        _ = db.Model.GetEntityTypes().Count();
        _ = db.Database.GenerateCreateScript();
    });
}
