using System.Data.Common;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

/// <summary>The search index as the store keeps it: written once at build (<see cref="SearchIndexWriter"/>), read here once per store version.</summary>
public sealed partial class SearchIndex
{
    /// <summary>Reads the index a store was built with (one row per term; ~0.3 s at 100k synthetic claims).</summary>
    public static async Task<SearchIndex> LoadAsync(DbConnection connection, CancellationToken ct)
    {
        int[] numbers, sizes;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT numbers, sizes FROM {SearchTables.Documents}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidDataException($"The store has no {SearchTables.Documents} row.");
            }

            numbers = ReadVarints((byte[])reader.GetValue(0), deltas: true);
            sizes = ReadVarints((byte[])reader.GetValue(1), deltas: false);
        }

        var (terms, documents, frequencies) = (new List<string>(), new List<int[]>(), new List<int[]>());
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT term, documents, frequencies FROM {SearchTables.Postings}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                terms.Add(reader.GetString(0));
                documents.Add(ReadVarints((byte[])reader.GetValue(1), deltas: true, start: -1));
                frequencies.Add(ReadVarints((byte[])reader.GetValue(2), deltas: false));
            }
        }

        return new SearchIndex([.. terms], [.. documents], [.. frequencies], numbers, sizes, await LoadVocabularyAsync(connection, ct));
    }

    private static async Task<SearchVocabulary> LoadVocabularyAsync(DbConnection connection, CancellationToken ct)
    {
        var sets = new SortedDictionary<long, List<SearchTerm>>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_number, term, words, tokens FROM {SearchTables.Vocabulary} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // A word FTS5 did not read as exactly one token is stored as an empty token: only FTS5 can match it.
            var tokens = reader.GetString(3).Split(' ').Select(t => t.Length == 0 ? null : t).ToList();
            var term = new SearchTerm(reader.GetString(1), reader.GetString(2).Split(' '), tokens);
            (sets.TryGetValue(reader.GetInt64(0), out var list) ? list : sets[reader.GetInt64(0)] = []).Add(term);
        }

        return new SearchVocabulary(sets.Values.Select(s => (IReadOnlyList<SearchTerm>)s).ToList());
    }

    private static int[] ReadVarints(byte[] bytes, bool deltas, int start = 0)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += b < 0x80 ? 1 : 0; // one value ends at each byte without the high bit
        }

        var values = new int[count];
        var (value, shift, last, k) = (0u, 0, start, 0);
        foreach (var b in bytes)
        {
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
            if (b < 0x80)
            {
                last = deltas ? last + (int)value : (int)value;
                values[k++] = last;
                (value, shift) = (0u, 0);
            }
        }

        return values;
    }
}
