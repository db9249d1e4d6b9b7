using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Commands;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Tests.Claims;

/// <summary>
/// The store builder tokenizes the search index's postings itself instead of reading every token back from FTS5
/// (<see cref="SearchPostings"/>). These tests hold it to FTS5: every character it calls a separator is one to FTS5's
/// unicode61 tokenizer, the postings equal the ones read back from FTS5 for the shipped content, synthetic content and
/// text FTS5 must fold, and a tokenization that differs from FTS5's is caught and replaced by FTS5's own.
/// </summary>
public sealed class SearchPostingsTests
{
    [Fact]
    public void Every_character_taken_as_a_separator_separates_tokens_in_fts5_and_ascii_letters_and_digits_do_not()
    {
        // One row per character c: "a{c}b". Two tokens "a" and "b" when c separates, one token "a{c}b" when it does not.
        var characters = Enumerable.Range(1, 0xFFFF).Select(i => (char)i)
            .Where(c => !char.IsSurrogate(c) && (c < 0x80 || SearchPostings.IsSeparator(c))).ToList();
        Assert.True(characters.Count > 2500, $"{characters.Count} characters");
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            ClaimSearch.CreateTable(connection, transaction, "t", characters.Select(c => new SearchDocument(c, [$"a{c}b", "", "", "", ""])));
            transaction.Commit();
        }

        var tokens = new Dictionary<int, List<string>>();
        Execute(connection, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, instance)");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, term FROM temp.v ORDER BY doc, offset";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                (tokens.TryGetValue(reader.GetInt32(0), out var list) ? list : tokens[reader.GetInt32(0)] = []).Add(reader.GetString(1));
            }
        }

        var wrong = characters.Where(c =>
        {
            string[] expected = char.IsAsciiLetterOrDigit(c) ? [$"a{char.ToLowerInvariant(c)}b"] : ["a", "b"];
            return !tokens[c].SequenceEqual(expected);
        }).Select(c => $"U+{(int)c:X4} -> {string.Join('|', tokens[c])}").ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
    }

    [Fact]
    public void Postings_of_the_shipped_content_equal_fts5s()
    {
        var content = ContentReader.Read(TestContent.Shipped()).Content!;
        AssertSameAsFts5(ClaimSearch.Documents(StoreRows.From(content)), expectLeftToFts5: null);
    }

    [Fact]
    public void Postings_of_generated_claims_are_all_tokenized_here_and_equal_fts5s()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mp-postings-" + Guid.NewGuid().ToString("N"));
        try
        {
            SyntheticContent.Write(1500, folder, TextWriter.Null);
            var documents = ClaimSearch.Documents(StoreRows.From(ContentReader.Read(folder).Content!));
            var postings = AssertSameAsFts5(documents, expectLeftToFts5: 0);
            Assert.Equal(PostingsSource.Tokenized, postings.Source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Documents_with_letters_fts5_folds_are_read_back_from_fts5_and_the_rest_tokenized_here()
    {
        // Separators FTS5 and this class agree on, and (rarely) words only FTS5 can tokenize.
        string[] words = ["gut", "Pain", "IL-6", "5-HT3", "“quoted”", "dash–dash", "a—b", "x×y", "≥2", "±1", "50 %", "snake_case", "e.g.", "(brackets)", "soft\u00ADhyphen", "nbsp\u00A0here"];
        string[] folded = ["µg", "TNF-α", "Émile", "naïve", "Über", "микробиом", "ﬁne", "co\u0301te", "\uE000private", "😀"];
        var random = new Random(5);
        string Word() => random.Next(100) < 2 ? folded[random.Next(folded.Length)] : words[random.Next(words.Length)];
        var documents = Enumerable.Range(1, 400).Select(n => new SearchDocument(
            n * 3,
            Enumerable.Range(0, 5).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => Word()))).ToArray()))
            .ToList();
        var postings = AssertSameAsFts5(documents, expectLeftToFts5: null);
        Assert.Equal(PostingsSource.TokenizedAndFts5, postings.Source);
        Assert.InRange(postings.LeftToFts5.Count, 1, documents.Count - 1);
    }

    [Fact]
    public void A_tokenization_that_differs_from_fts5s_is_replaced_by_the_postings_read_back_from_fts5()
    {
        List<SearchDocument> documents = [new(1, ["gut pain", "probiotic", "", "", ""]), new(2, ["trial", "gut", "mice", "", "rats"])];
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            ClaimSearch.CreateIndex(connection, transaction, documents);
            transaction.Commit();
        }

        // Tokenized from text that is not what FTS5 holds: one word more, one column moved, a document's size changed.
        foreach (var wrong in new List<SearchDocument>[]
        {
            [new(1, ["gut pain", "probiotic extra", "", "", ""]), documents[1]],
            [new(1, ["gut", "pain probiotic", "", "", ""]), documents[1]],
            [documents[0], new(2, ["trial", "gut", "mice mice", "", "rats"])],
        })
        {
            using var transaction = connection.BeginTransaction();
            var postings = SearchPostings.Complete(SearchPostings.Tokenize(wrong), connection, transaction, documents);
            Assert.Equal(PostingsSource.Fts5, postings.Source);
            AssertEqual(SearchPostings.ReadFromFts5(connection, transaction, documents), postings);
            Assert.Equal([3, 4], postings.Sizes);
        }
    }

    private static SearchPostings AssertSameAsFts5(IReadOnlyList<SearchDocument> documents, int? expectLeftToFts5)
    {
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            ClaimSearch.CreateIndex(connection, transaction, documents);
            transaction.Commit();
        }

        using var check = connection.BeginTransaction();
        var tokenized = SearchPostings.Tokenize(documents);
        if (expectLeftToFts5 is { } left)
        {
            Assert.Equal(left, tokenized.LeftToFts5.Count);
        }

        var postings = SearchPostings.Complete(tokenized, connection, check, documents);
        Assert.NotEqual(PostingsSource.Fts5, postings.Source); // the check against FTS5 passed
        var fromFts5 = SearchPostings.ReadFromFts5(connection, check, documents);
        AssertEqual(fromFts5, postings);
        Assert.True(postings.TermCount > 5, $"{postings.TermCount} terms");
        return postings;
    }

    private static void AssertEqual(SearchPostings expected, SearchPostings actual)
    {
        Assert.Equal(expected.Sizes, actual.Sizes);
        var (e, a) = (expected.Terms().ToList(), actual.Terms().ToList());
        Assert.Equal(e.Select(t => t.Text), a.Select(t => t.Text));
        for (var i = 0; i < e.Count; i++)
        {
            Assert.True(e[i].Documents.SequenceEqual(a[i].Documents), $"documents of '{e[i].Text}'");
            Assert.True(e[i].Frequencies.SequenceEqual(a[i].Frequencies), $"frequencies of '{e[i].Text}'");
        }
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
