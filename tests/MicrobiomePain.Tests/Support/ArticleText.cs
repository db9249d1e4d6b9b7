using System.Text.RegularExpressions;

namespace MicrobiomePain.Tests.Support;

/// <summary>
/// The article's plain text split into sections and sentences by the rule written in docs/authoring.md ("The article's
/// sentences"), so the record in content/article.md can be checked against the article itself:
/// <list type="number">
/// <item>Paragraphs are separated by blank lines; a paragraph's lines are one text.</item>
/// <item>The first paragraph is the title and heads section 1. Any later one-line paragraph that does not end with
/// '.', '!', '?' or ':' (a closing quotation mark or bracket after them allowed) is a heading and starts the next section.
/// A question on a line of its own ends with '?', so it is a sentence, not a heading.</item>
/// <item>A sentence ends at '.', '!' or '?' (plus closing quotation marks or brackets) followed by white space and then
/// an upper-case letter, a digit or an opening quotation mark or bracket, and at the end of its paragraph; not after an
/// abbreviation in <see cref="Abbreviations"/> or a single capital letter (an initial). A point inside a number (0.69)
/// is never followed by white space, so it never ends a sentence.</item>
/// </list>
/// </summary>
public static partial class ArticleText
{
    /// <summary>Words ending in a point that never end a sentence by themselves (compared without case).</summary>
    public static readonly IReadOnlyList<string> Abbreviations =
        ["e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "approx.", "fig.", "no.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "jr.", "sr."];

    public sealed record Section(string Heading, IReadOnlyList<string> Sentences);

    [GeneratedRegex(@"[.!?][""'”’)\]]*(?=\s+[""'“‘(\[]?[\p{Lu}\p{N}])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[.!?:][""'”’)\]]*$")]
    private static partial Regex EndsLikeASentence();

    public static IReadOnlyList<Section> Sections(string text)
    {
        var paragraphs = Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), @"\n\s*\n")
            .Select(p => p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(lines => lines.Length > 0)
            .ToList();
        var sections = new List<(string Heading, List<string> Sentences)>();
        foreach (var lines in paragraphs)
        {
            var paragraph = string.Join(' ', lines);
            if (sections.Count == 0 || (lines.Length == 1 && !EndsLikeASentence().IsMatch(paragraph)))
            {
                sections.Add((paragraph, []));
            }
            else
            {
                sections[^1].Sentences.AddRange(Sentences(paragraph));
            }
        }

        return sections.Select(s => new Section(s.Heading, s.Sentences)).ToList();
    }

    /// <summary>One paragraph's sentences, in order.</summary>
    public static IReadOnlyList<string> Sentences(string paragraph)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(paragraph))
        {
            var stop = end.Index + end.Length;
            var lastWord = paragraph[start..(end.Index + 1)].Split(' ')[^1];
            if (Abbreviations.Contains(lastWord, StringComparer.OrdinalIgnoreCase) || (lastWord.Length == 2 && char.IsUpper(lastWord[0])))
            {
                continue;
            }

            result.Add(paragraph[start..stop].Trim());
            start = stop;
        }

        if (paragraph[start..].Trim() is { Length: > 0 } rest)
        {
            result.Add(rest);
        }

        return result;
    }
}
