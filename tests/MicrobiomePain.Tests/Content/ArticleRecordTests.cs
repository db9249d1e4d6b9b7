using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

/// <summary>Ingest checks of article.md's sentence record: each problem is an error at its file, line and column.</summary>
public sealed class ArticleRecordTests
{
    private const string Body = "---\n# Walk\n\nThe intro.\n";

    private static List<ContentDiagnostic> Errors(string sentences, params TestClaim[] claims)
    {
        var root = TestContent.Create(claims.Length > 0 ? claims : [new TestClaim(1, "one")]);
        File.WriteAllText(Path.Combine(root, "article.md"), "---\nsections:\n  - heading: Title\n    sentences:\n" + sentences + Body);
        var result = ContentReader.Read(root);
        Assert.Null(result.Content);
        return result.Diagnostics.Where(d => d.IsError).ToList();
    }

    [Fact]
    public void A_sentence_neither_claimed_nor_marked_is_reported_at_its_place()
    {
        var error = Assert.Single(Errors("      - at: 1.1\n        opens: Sentence one\n        claims: [C1]\n      - at: 1.2\n        opens: Sentence two\n"));

        Assert.EndsWith("article.md", error.File, StringComparison.Ordinal);
        Assert.Equal((8, 9), (error.Line, error.Column));
        Assert.Contains("sentence 1.2 is neither a claim nor marked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_place_is_reported_with_the_place_expected()
    {
        var error = Assert.Single(Errors("      - at: 1.2\n        opens: Sentence one\n        claims: [C1]\n"));

        Assert.Equal((5, 13), (error.Line, error.Column));
        Assert.Contains("this sentence is at 1.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mark_needs_a_reason_and_a_restatement_names_its_claims()
    {
        var errors = Errors("      - at: 1.1\n        opens: Sentence one\n        claims: [C1]\n      - at: 1.2\n        opens: Again\n        not_checkable: restatement\n");

        Assert.Contains(errors, e => e.Message.Contains("say why in 'reason'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("names the claims it restates in 'of", StringComparison.Ordinal) && e.Line == 10);
    }

    [Fact]
    public void An_unknown_mark_or_claim_id_is_reported()
    {
        var errors = Errors("      - at: 1.1\n        opens: Sentence one\n        claims: [C1, C9]\n      - at: 1.2\n        opens: Two\n        not_checkable: filler\n        reason: none\n");

        Assert.Contains(errors, e => e.Message.Contains("names 'C9', which is not the id of any claim", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("not_checkable 'filler' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_claim_no_sentence_quotes_is_reported_at_its_article_quote()
    {
        var error = Assert.Single(Errors("      - at: 1.1\n        opens: Sentence one\n        claims: [C1]\n", new TestClaim(1, "one"), new TestClaim(2, "two")));

        Assert.EndsWith(Path.Combine("claims", "two.md"), error.File, StringComparison.Ordinal);
        Assert.Equal(7, error.Line);
        Assert.Contains("has no place in the article: add C2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_quoted_at_two_sentences_and_a_copied_sentence_are_reported()
    {
        var errors = Errors("      - at: 1.1\n        opens: Sentence one\n        claims: [C1]\n      - at: 1.2\n        opens: one two three four five six seven eight nine\n        claims: [C1]\n");

        Assert.Contains(errors, e => e.Message.Contains("claim C1 is already quoted at 1.1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("at most 8", StringComparison.Ordinal) && e.Line == 9);
    }

    [Fact]
    public void An_article_without_a_sentence_record_is_an_error()
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        File.WriteAllText(Path.Combine(root, "article.md"), "# Walk\n\nIt says [[claim:one]].\n");

        var error = Assert.Single(ContentReader.Read(root).Diagnostics, d => d.IsError);

        Assert.Contains("starts with front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_record_is_stored_in_order_with_each_heading_as_a_sentence()
    {
        var root = TestContent.Create([new TestClaim(1, "one"), new TestClaim(2, "two")]);
        File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n", "C2", "C1"));

        var rows = MicrobiomePain.Web.Store.StoreRows.From(ContentReader.Read(root).Content!).ArticleSentences;

        Assert.Equal(["heading:", "claim:C2", "claim:C1"], rows.Select(r => $"{r.Mark}:{r.ClaimIds}"));
        Assert.Equal([0, 1, 2], rows.Select(r => r.Position));
    }
}
