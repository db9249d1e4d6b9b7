using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// One set of search terms that mean the same to a reader (content/vocabulary.yml): a search for one term also finds
/// the others. <see cref="Terms"/> are as written; <see cref="Words"/> are each term's words, lowercased.
/// </summary>
public sealed record SynonymSet(IReadOnlyList<string> Terms, string? Note, SourcePosition Position)
{
    public IReadOnlyList<IReadOnlyList<string>> Words => Terms.Select(SearchVocabularyParser.WordsOf).ToList();
}

/// <summary>Reads content/vocabulary.yml: a list of synonym sets, each checked like every other content file.</summary>
public static partial class SearchVocabularyParser
{
    public const string FileName = "vocabulary.yml";

    private static readonly string[] Keys = ["terms", "note"];

    // Words of letters and digits, separated by one space or hyphen: what a reader's search is split into.
    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:[ \-][\p{L}\p{N}]+)*$")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>A term's words, lowercased: how it is compared with a search and with the other terms.</summary>
    public static IReadOnlyList<string> WordsOf(string term) => Word().Matches(term).Select(m => m.Value.ToLowerInvariant()).ToList();

    public static List<SynonymSet> Parse(string yaml, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        return ReferenceDataParser.ParseList(yaml, bag, "synonym set", map =>
        {
            map.RejectUnknownKeys(Keys, "a synonym set");
            var terms = new List<string>();
            foreach (var (term, position) in map.StringList("terms", true))
            {
                if (term.Length == 0)
                {
                    map.Error(position, "a term is empty; remove it or write the word.");
                }
                else if (!TermPattern().IsMatch(term))
                {
                    map.Error(position, $"the term '{term}' may hold only letters and digits, with words separated by one space or hyphen (a search never sees other characters).");
                }
                else if (seen.TryGetValue(string.Join(' ', WordsOf(term)), out var first))
                {
                    map.Error(position, $"the term '{term}' is already listed at line {first.Line}; a term belongs to one set only (merge the sets or remove one).");
                }
                else
                {
                    seen.Add(string.Join(' ', WordsOf(term)), position);
                    terms.Add(term);
                }
            }

            if (terms.Count == 1 && map.Has("terms"))
            {
                map.Error(map.PositionOfKey("terms"), "a set needs at least two terms: the word the claims use and what a reader may type instead.");
            }

            var note = map.String("note", false);
            return terms.Count < 2 ? null : new SynonymSet(terms, note, map.Position);
        });
    }
}
