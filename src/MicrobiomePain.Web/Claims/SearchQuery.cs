namespace MicrobiomePain.Web.Claims;

/// <summary>
/// One word of an FTS5 query: the text FTS5 is given (letters and digits only, quoted), FTS5's token for it (null when
/// the text is not exactly one token: then only FTS5 can answer), and whether it matches as a prefix (a reader's own
/// words) or as the whole token (a vocabulary term).
/// </summary>
public sealed record SearchPhrase(string Text, string? Token, bool Prefix)
{
    public string Expression => $"\"{Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"{(Prefix ? "*" : "")}";
}

/// <summary>Words that must all be in a claim (FTS5 AND).</summary>
public sealed record SearchAlternative(IReadOnlyList<SearchPhrase> Phrases)
{
    public string Expression => Phrases.Count == 1 ? Phrases[0].Expression : $"({string.Join(" AND ", Phrases.Select(p => p.Expression))})";
}

/// <summary>
/// What one of the reader's words (or a phrase of them that the vocabulary knows) matches: the words themselves, or any
/// term of its synonym set (FTS5 OR). <see cref="AlsoSearched"/> are the vocabulary's terms added, for the page to show.
/// </summary>
public sealed record SearchGroup(string Words, IReadOnlyList<SearchAlternative> Alternatives, IReadOnlyList<string> AlsoSearched)
{
    public string Expression => Alternatives.Count == 1 ? Alternatives[0].Expression : $"({string.Join(" OR ", Alternatives.Select(a => a.Expression))})";
}

/// <summary>
/// A search as FTS5 and the in-memory <see cref="SearchIndex"/> both read it: groups that must all match (or, for the
/// fallback, any of them). The phrases, in expression order, are bm25's phrases in FTS5's order.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchGroup> Groups, bool AnyGroup)
{
    public IEnumerable<SearchPhrase> Phrases => Groups.SelectMany(g => g.Alternatives).SelectMany(a => a.Phrases);

    /// <summary>Whether the in-memory index can answer: every phrase is one FTS5 token.</summary>
    public bool InMemory => Groups.Count > 0 && Phrases.All(p => p.Token is not null);

    /// <summary>The FTS5 MATCH expression (a SQL parameter; every word quoted, so a reader's text is never syntax).</summary>
    public string MatchExpression => Groups.Count == 0 ? "\"\"" : string.Join(AnyGroup ? " OR " : " AND ", Groups.Select(g => g.Expression));

    /// <summary>
    /// The query for a reader's words: each word a prefix, and where a run of words is a term of the vocabulary (compared
    /// by FTS5's tokens, so "transplants" is "transplant"), one group that also matches every other term of its set as
    /// whole words. The longest term wins; a group equal to an earlier one is dropped.
    /// </summary>
    public static SearchQuery For(IReadOnlyList<string> words, IReadOnlyList<string?> tokens, SearchVocabulary vocabulary)
    {
        var groups = new List<SearchGroup>();
        for (var i = 0; i < words.Count;)
        {
            var own = new SearchAlternative([new SearchPhrase(words[i], tokens[i], Prefix: true)]);
            var match = vocabulary.LongestAt(tokens, i);
            if (match is null)
            {
                groups.Add(new SearchGroup(words[i], [own], []));
                i++;
                continue;
            }

            var (set, length) = match.Value;
            var typed = new SearchAlternative(Enumerable.Range(i, length).Select(k => new SearchPhrase(words[k], tokens[k], Prefix: true)).ToList());
            var typedTokens = tokens.Skip(i).Take(length).ToList();
            var others = set.Where(t => !t.Tokens.SequenceEqual(typedTokens)).DistinctBy(t => string.Join(' ', t.Tokens)).ToList();
            groups.Add(new SearchGroup(
                string.Join(' ', words.Skip(i).Take(length)),
                [typed, .. others.Select(t => new SearchAlternative(t.Words.Select((w, k) => new SearchPhrase(w, t.Tokens[k], Prefix: false)).ToList()))],
                others.Select(t => t.Text).ToList()));
            i += length;
        }

        var distinct = groups.DistinctBy(g => g.Expression, StringComparer.Ordinal).ToList();
        return new SearchQuery(distinct, AnyGroup: false);
    }
}

/// <summary>One term of the search vocabulary as the store keeps it: its text, its words and FTS5's token for each word.</summary>
public sealed record SearchTerm(string Text, IReadOnlyList<string> Words, IReadOnlyList<string?> Tokens);

/// <summary>The synonym sets of content/vocabulary.yml, with FTS5's tokens, as a search looks them up.</summary>
public sealed class SearchVocabulary
{
    public static readonly SearchVocabulary Empty = new([]);

    private readonly Dictionary<string, List<(IReadOnlyList<SearchTerm> Set, SearchTerm Term)>> _byFirstToken = new(StringComparer.Ordinal);

    public SearchVocabulary(IReadOnlyList<IReadOnlyList<SearchTerm>> sets)
    {
        Sets = sets;
        foreach (var set in sets)
        {
            foreach (var term in set.Where(t => t.Tokens.Count > 0 && t.Tokens.All(x => x is not null)))
            {
                (_byFirstToken.TryGetValue(term.Tokens[0]!, out var list) ? list : _byFirstToken[term.Tokens[0]!] = []).Add((set, term));
            }
        }
    }

    public IReadOnlyList<IReadOnlyList<SearchTerm>> Sets { get; }

    /// <summary>The set of the longest term whose tokens start at <paramref name="start"/>, and the term's length in words.</summary>
    public (IReadOnlyList<SearchTerm> Set, int Length)? LongestAt(IReadOnlyList<string?> tokens, int start)
    {
        if (tokens[start] is not { } first || !_byFirstToken.TryGetValue(first, out var candidates))
        {
            return null;
        }

        (IReadOnlyList<SearchTerm> Set, int Length)? best = null;
        foreach (var (set, term) in candidates)
        {
            var n = term.Tokens.Count;
            if (start + n <= tokens.Count && (best is null || n > best.Value.Length)
                && Enumerable.Range(0, n).All(k => string.Equals(tokens[start + k], term.Tokens[k], StringComparison.Ordinal)))
            {
                best = (set, n);
            }
        }

        return best;
    }
}
