using MicrobiomePain.Web.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// "Did you mean …?" for a search that found nothing at all: each word's nearest tokens of the index's own vocabulary
/// (fts5vocab's terms, held by <see cref="SearchIndex"/>) by edit distance, nearer and more common first, shown as the word
/// a claim actually uses (FTS5 stems, so "probiot" is shown as "probiotic": the first word of a claim holding the token
/// whose FTS5 token it is). Only asked when a search has no hit, so its cost (a pass over the vocabulary) is rare.
/// </summary>
public static class SearchSuggestions
{
    public const int Count = 3;

    /// <summary>Up to <see cref="Count"/> searches, each the reader's words with every unknown word replaced by a near one.</summary>
    public static async Task<IReadOnlyList<string>> ForAsync(ClaimStoreContext db, SearchIndex index, IReadOnlyList<string> words, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            IReadOnlyList<string[]> Tokenize(IReadOnlyList<string> texts) => SearchTokens.Of(connection, null, texts);
            var tokens = index.TokenOf(words, Tokenize);
            var nearest = new List<string>[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                nearest[i] = [];
                foreach (var (term, claim) in Nearest(index, tokens[i] ?? words[i]))
                {
                    nearest[i].Add(await WordForAsync(connection, index, term, claim, Tokenize, ct) ?? term);
                }
            }

            return Enumerable.Range(0, Count)
                .Select(r => string.Join(' ', words.Select((w, i) => nearest[i].ElementAtOrDefault(r) ?? nearest[i].FirstOrDefault() ?? w)))
                .Where(s => !words.SequenceEqual(s.Split(' ')))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The index's tokens nearest to <paramref name="token"/>: one edit for short words, two from five letters.</summary>
    private static List<(string Term, int Claim)> Nearest(SearchIndex index, string token)
    {
        var limit = token.Length < 5 ? 1 : 2;
        return index.Terms
            .Where(t => Math.Abs(t.Term.Length - token.Length) <= limit && !t.Term.All(char.IsAsciiDigit))
            .Select(t => (t.Term, t.Claims, t.FirstClaim, Distance: Distance(token, t.Term, limit)))
            .Where(t => t.Distance > 0 && t.Distance <= limit)
            .OrderBy(t => t.Distance).ThenByDescending(t => t.Claims).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(Count)
            .Select(t => (t.Term, t.FirstClaim))
            .ToList();
    }

    /// <summary>The first word of the claim's text that FTS5 reads as <paramref name="token"/>.</summary>
    private static async Task<string?> WordForAsync(SqliteConnection connection, SearchIndex index, string token, int claim, Func<IReadOnlyList<string>, IReadOnlyList<string[]>> tokenize, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {ClaimSearch.Table} WHERE rowid = $claim";
        command.Parameters.AddWithValue("$claim", claim);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var text = string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
        var words = SearchWords.AllOf(text);
        var tokens = index.TokenOf(words, tokenize);
        return words.Where((_, i) => tokens[i] == token).FirstOrDefault();
    }

    /// <summary>Edit distance with adjacent transpositions ("pian" is one edit from "pain"), or more than
    /// <paramref name="limit"/> as soon as it must be.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[1][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var (before, previous, current) = (rows[(i + 2) % 3], rows[i % 3], rows[(i + 1) % 3]); // rows i-2, i-1, i
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }

                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }
        }

        return rows[(a.Length + 1) % 3][b.Length];
    }
}
