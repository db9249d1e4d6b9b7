using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// FTS5's own tokens for a few short texts (a reader's words, the vocabulary's terms): the texts are put into a temporary
/// FTS5 table with the store's tokenizer and read back through fts5vocab, inside a savepoint that is always rolled back.
/// So a word is stemmed and folded exactly as the claims' text was, with no copy of the tokenizer's rules here. The two
/// tables live in the connection's temp schema (made once per connection; a read-only store may still write temp).
/// </summary>
public static class SearchTokens
{
    private const string Table = "search_tokens";

    private static readonly string[] Setup =
    [
        $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{Table} USING fts5(text, tokenize = '{SearchTables.Tokenizer}')",
        $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{Table}_instances USING fts5vocab(temp, {Table}, instance)",
    ];

    /// <summary>Each text's tokens in order (empty for a text FTS5 reads no token in).</summary>
    public static IReadOnlyList<string[]> Of(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<string> texts)
    {
        foreach (var sql in Setup)
        {
            Execute(connection, transaction, sql);
        }

        var tokens = texts.Select(_ => new List<string>()).ToArray();
        Execute(connection, transaction, $"SAVEPOINT {Table}");
        try
        {
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO temp.{Table} (rowid, text) VALUES ($row, $text)";
                var (row, text) = (insert.Parameters.Add("$row", SqliteType.Integer), insert.Parameters.Add("$text", SqliteType.Text));
                for (var i = 0; i < texts.Count; i++)
                {
                    (row.Value, text.Value) = (i + 1, texts[i]);
                    insert.ExecuteNonQuery();
                }
            }

            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = $"SELECT doc, term FROM temp.{Table}_instances ORDER BY doc, offset";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                tokens[reader.GetInt32(0) - 1].Add(reader.GetString(1));
            }
        }
        finally
        {
            Execute(connection, transaction, $"ROLLBACK TO {Table}");
            Execute(connection, transaction, $"RELEASE {Table}");
        }

        return tokens.Select(t => t.ToArray()).ToList();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
