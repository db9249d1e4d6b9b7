using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MicrobiomePain.Web.Store;

/// <summary>
/// One prepared INSERT run many times on a store being built, bound by position through SQLitePCL (Microsoft.Data.Sqlite's
/// own layer). A SqliteCommand looks every parameter up by name on every execution (sqlite3_bind_parameter_index, with a
/// UTF-8 copy of the name): at 10k claims that was most of the time spent writing rows. Values are bound as
/// Microsoft.Data.Sqlite binds them (its SqliteValueBinder) for the types a store row holds; any other type is refused.
/// Runs inside the connection's open transaction.
/// </summary>
internal sealed class RawInsert : IDisposable
{
    private static readonly HashSet<Type> Supported = [typeof(string), typeof(int), typeof(long), typeof(bool), typeof(double), typeof(DateOnly), typeof(byte[])];

    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _statement;

    public RawInsert(SqliteConnection connection, string sql)
    {
        _handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_handle, sql, out _statement));
    }

    /// <summary>Whether values of this CLR type (nullable or not) can be bound.</summary>
    public static bool CanBind(Type type) => Supported.Contains(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>Binds a value to the 0-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, object? value)
    {
        var i = index + 1;
        Check(value switch
        {
            null => raw.sqlite3_bind_null(_statement, i),
            string text => raw.sqlite3_bind_text(_statement, i, text),
            int number => raw.sqlite3_bind_int64(_statement, i, number),
            long number => raw.sqlite3_bind_int64(_statement, i, number),
            bool flag => raw.sqlite3_bind_int64(_statement, i, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, i, real),
            DateOnly date => raw.sqlite3_bind_text(_statement, i, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            byte[] blob => raw.sqlite3_bind_blob(_statement, i, blob),
            _ => throw new InvalidOperationException($"A store row value of type {value.GetType().Name} cannot be bound."),
        });
    }

    /// <summary>Inserts the bound row and readies the statement for the next.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_handle).utf8_to_string(), rc);
        }
    }
}
