using System.Text.RegularExpressions;

namespace MicrobiomePain.Web.Claims;

/// <summary>
/// How a reader's search becomes words: letters and digits only (so FTS5 syntax such as <c>"</c>, <c>*</c>, <c>NEAR(</c>
/// or <c>col:</c> is never more than text), lowercased, each once, and without the stop words below, so that a search
/// written as a question ("does diet help?") looks for its content words. A search made only of stop words keeps them.
/// </summary>
public static partial class SearchWords
{
    /// <summary>
    /// Question words, auxiliaries, pronouns, articles and prepositions: words that say how a question is asked, not what
    /// it is about. Kept short on purpose: "pain", "help", "no" or "not" say something and stay.
    /// </summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "what", "which", "who", "whom", "whose", "why", "how", "when", "where",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must", "has", "have", "had",
        "i", "me", "my", "we", "our", "us", "you", "your", "it", "its", "they", "them", "their", "he", "she", "his", "her",
        "a", "an", "the", "this", "that", "these", "those", "there", "here",
        "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with", "about", "as", "into", "than", "then",
        "any", "some", "if", "so", "too", "very", "just", "also", "tell", "know", "really", "take", "get",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>Every word of the search, lowercased, once each, in order (stop words included).</summary>
    public static IReadOnlyList<string> AllOf(string query) =>
        Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();

    /// <summary>The words a search looks for: <see cref="AllOf"/> without stop words, or all of them when nothing else is left.</summary>
    public static IReadOnlyList<string> Of(string query)
    {
        var all = AllOf(query);
        var content = all.Where(w => !StopWords.Contains(w)).ToList();
        return content.Count > 0 ? content : all;
    }
}
