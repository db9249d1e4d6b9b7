namespace MicrobiomePain.Web.Content;

/// <summary>
/// The article's sentences as recorded in the front matter of <c>article.md</c>: each by its place and opening words
/// (the article itself is never copied into the repository), and each either part of a claim or marked, with a reason,
/// as not a checkable claim. Headings are sentences too (the page shows them as the article's own headings).
/// </summary>
public sealed record ArticleRecord(IReadOnlyList<ArticleSection> Sections)
{
    public IEnumerable<ArticleSentence> Sentences => Sections.SelectMany(s => s.Sentences);
}

/// <summary>One section: the article's heading (the title for the first) and the sentences under it.</summary>
public sealed record ArticleSection(int Number, string Heading, IReadOnlyList<ArticleSentence> Sentences, SourcePosition Position);

/// <summary>
/// One sentence at <see cref="Section"/>.<see cref="Number"/>. <see cref="Claims"/> are the claims that quote it (their
/// article_quote is in it); <see cref="PartOf"/> a claim quoted in another sentence that this one continues; otherwise
/// <see cref="Mark"/> says why it is not a checkable claim, and <see cref="Restates"/> which claims it repeats.
/// </summary>
public sealed record ArticleSentence(
    int Section,
    int Number,
    string Opens,
    IReadOnlyList<string> Claims,
    string? PartOf,
    string? Mark,
    string? Reason,
    IReadOnlyList<string> Restates,
    SourcePosition Position)
{
    public string Place => $"{Section}.{Number}";

    public bool IsPartOfClaim => Claims.Count > 0 || PartOf is not null;
}

/// <summary>The closed list of reasons a sentence is not a checkable claim, with the words the page shows (lower case: they follow a label).</summary>
public static class SentenceMarks
{
    /// <summary>Not written in the record: every section's heading is one.</summary>
    public const string Heading = "heading";
    public const string Restatement = "restatement";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Heading] = "heading",
        ["question"] = "question",
        ["self-reference"] = "about the article itself",
        ["background"] = "background",
        [Restatement] = "restatement of a claim",
        ["opinion"] = "opinion or transition",
        ["aim"] = "goal",
        ["advice"] = "general advice",
    };

    /// <summary>The marks an author may write (the heading mark is implied by the section).</summary>
    public static IEnumerable<string> Written => Names.Keys.Where(k => k != Heading);

    /// <summary>The most words <c>opens</c> may hold: enough to find the sentence, too few to copy the article.</summary>
    public const int MaxOpeningWords = 8;
}
