using System.Globalization;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

/// <summary>
/// The record of the article's sentences (content/article.md) against the article itself, which lives outside the
/// repository (../shared/seed/article.txt): every sentence present, in order, none skipped, each quoted claim in its place.
/// </summary>
public sealed class ArticleCoverageTests
{
    private static readonly ContentSet Shipped = ContentReader.Read(TestContent.Shipped()).Content!;

    private static string ArticleTextOnDisk() => File.ReadAllText(SharedFiles.Path("seed", "article.txt"));

    [Fact]
    public void The_record_lists_every_sentence_of_the_article_in_order_and_each_claim_where_it_quotes()
    {
        Assert.Empty(Mismatches(Shipped, ArticleTextOnDisk()));
    }

    [Fact]
    public void Every_sentence_of_the_article_is_a_claim_or_marked_with_a_reason()
    {
        var sentences = Shipped.Article!.Sentences.ToList();

        Assert.All(sentences, s => Assert.True(s.IsPartOfClaim || (s.Mark is not null && s.Reason is not null), s.Place));
        Assert.Equal(ArticleText.Sections(ArticleTextOnDisk()).Sum(s => s.Sentences.Count), sentences.Count);
    }

    [Theory]
    [InlineData("Despite the challenges, there is a glimmer of hope. ")] // a sentence dropped
    [InlineData("can reverse well-established pain")] // a claim's quoted words changed
    [InlineData("Future Directions\n")] // a heading dropped
    public void An_edited_article_fails_the_check(string removed)
    {
        var edited = ArticleTextOnDisk().Replace(removed, "", StringComparison.Ordinal);

        Assert.NotEqual(ArticleTextOnDisk(), edited);
        Assert.NotEmpty(Mismatches(Shipped, edited));
    }

    [Fact]
    public void Sentences_split_at_their_ends_but_not_after_abbreviations_initials_or_inside_numbers()
    {
        var sentences = ArticleText.Sentences("Pain fell by 0.69 cm, e.g. in trials by Busse J. et al. in 2018. Did it matter? “Not much,” they said. Next.");

        Assert.Equal(["Pain fell by 0.69 cm, e.g. in trials by Busse J. et al. in 2018.", "Did it matter?", "“Not much,” they said.", "Next."], sentences);
    }

    [Fact]
    public void A_line_without_an_end_mark_is_a_heading_and_a_question_on_its_own_line_is_a_sentence()
    {
        var sections = ArticleText.Sections("Title: A question?\n\nIntro one. Intro two.\n\nA Heading\n\nWhat is it?\n\nIt is this.\n");

        Assert.Equal(["Title: A question?", "A Heading"], sections.Select(s => s.Heading));
        Assert.Equal(["Intro one.", "Intro two."], sections[0].Sentences);
        Assert.Equal(["What is it?", "It is this."], sections[1].Sentences);
    }

    /// <summary>Every difference between the record and the article's text, one line each (empty when they agree).</summary>
    private static List<string> Mismatches(ContentSet content, string articleText)
    {
        var problems = new List<string>();
        var article = ArticleText.Sections(articleText);
        var record = content.Article!.Sections;
        var quotes = content.Claims.ToDictionary(c => c.Id, c => c.ArticleQuote, StringComparer.Ordinal);
        if (article.Count != record.Count)
        {
            problems.Add($"the article has {article.Count} sections, the record {record.Count}");
        }

        foreach (var (text, recorded) in article.Zip(record))
        {
            if (text.Heading != recorded.Heading)
            {
                problems.Add($"section {recorded.Number}: heading '{text.Heading}' is recorded as '{recorded.Heading}'");
            }

            if (text.Sentences.Count != recorded.Sentences.Count)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"section {recorded.Number}: the article has {text.Sentences.Count} sentences, the record {recorded.Sentences.Count}"));
            }

            foreach (var (sentence, entry) in text.Sentences.Zip(recorded.Sentences))
            {
                if (!sentence.StartsWith(entry.Opens, StringComparison.Ordinal))
                {
                    problems.Add($"{entry.Place}: the sentence opens '{sentence[..Math.Min(40, sentence.Length)]}', recorded as '{entry.Opens}'");
                }

                problems.AddRange(entry.Claims.Where(id => !sentence.Contains(quotes[id], StringComparison.Ordinal))
                    .Select(id => $"{entry.Place}: {id}'s article_quote is not in this sentence"));
            }
        }

        return problems;
    }
}
