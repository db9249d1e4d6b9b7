namespace MicrobiomePain.Web.Store;

/// <summary>
/// The search tables of a store: the FTS5 table (its columns, bm25 weights and tokenizer) and the tables of the in-memory
/// search index (postings, documents, vocabulary). Written by <see cref="SearchIndexWriter"/>, read by Claims' search.
/// </summary>
public static class SearchTables
{
    public const string Fts5 = "claims_fts";
    public const string Postings = Fts5 + "_postings";
    public const string Documents = Fts5 + "_documents";
    public const string Vocabulary = Fts5 + "_vocabulary";

    /// <summary>FTS5's porter stemmer over unicode61 with diacritics removed: "antibiotics" and "antibiotic" are one token.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>The FTS5 table's columns in order, each with its bm25 weight (whole numbers: see Claims' SearchIndex).</summary>
    public static readonly IReadOnlyList<(string Name, int Weight)> Columns =
        [("title", 10), ("summary", 3), ("evidence", 2), ("caveats", 2), ("sources", 1)];

    public static readonly string ColumnList = string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>One row of the FTS5 table: the claim number (its rowid) and one text per column of <see cref="SearchTables.Columns"/>.</summary>
public sealed record SearchDocument(int Number, string[] Columns);

/// <summary>A claim matched by full-text search, with its bm25 rank (lower is better): the row of the tests' SQL oracle.</summary>
public sealed class SearchHit
{
    public int Number { get; set; }
    public double Rank { get; set; }
}

/// <summary>The title and best snippet of a matched claim, with markers around the matching words.</summary>
public sealed class SearchSnippet
{
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Snippet { get; set; }
}
