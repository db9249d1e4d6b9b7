using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

/// <summary>The store-build half of search: the FTS5 table's rows and the table itself.</summary>
public static partial class ClaimSearch
{
    /// <summary>
    /// The text of every claim's row in the FTS5 table, in claim number order: one string per column of
    /// <see cref="Columns"/> (title, summary, evidence, caveats, the titles of its sources).
    /// </summary>
    public static IReadOnlyList<SearchDocument> Documents(StoreRows rows)
    {
        var text = rows.SearchText.ToDictionary(t => t.ClaimNumber);
        var sourceTitles = rows.Sources.ToDictionary(s => s.Key, s => s.Title);
        var sources = rows.ClaimSources.ToLookup(s => s.ClaimNumber, s => sourceTitles[s.SourceKey]);
        return rows.Claims.OrderBy(c => c.Number).Select(claim => new SearchDocument(
            claim.Number,
            [claim.Title, claim.SummaryText, text[claim.Number].Evidence, text[claim.Number].Caveats, string.Join(' ', sources[claim.Number])]))
            .ToList();
    }

    /// <summary>Creates the FTS5 table and fills it with <paramref name="documents"/> (see <see cref="Documents"/>), in the connection's transaction.</summary>
    public static void CreateIndex(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<SearchDocument> documents) =>
        CreateTable(connection, transaction, Table, documents);

    /// <summary>Creates an FTS5 table with the store's columns and tokenizer and inserts the documents (rowid = claim number).</summary>
    internal static void CreateTable(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string name, IEnumerable<SearchDocument> documents)
    {
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = $"CREATE VIRTUAL TABLE {name} USING fts5({ColumnList}, tokenize = '{Tokenizer}')";
        create.ExecuteNonQuery();

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {name} (rowid, {ColumnList}) VALUES ($rowid, {string.Join(", ", Columns.Select((_, c) => $"$c{c}"))})";
        var rowid = insert.Parameters.Add("$rowid", Microsoft.Data.Sqlite.SqliteType.Integer);
        var columns = Columns.Select((_, c) => insert.Parameters.Add($"$c{c}", Microsoft.Data.Sqlite.SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var document in documents)
        {
            rowid.Value = document.Number;
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Value = document.Columns[c];
            }

            insert.ExecuteNonQuery();
        }
    }
}
