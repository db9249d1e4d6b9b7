using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Reads the sentence record from article.md's front matter and checks it against the claims: every recorded place is a
/// claim or marked, places run in order with none skipped, and every claim is quoted at exactly one place. Whether the
/// record matches the article's own text is checked by a test that reads the article (it is not in the repository).
/// </summary>
internal static class ArticleSentenceParser
{
    private static readonly IReadOnlyList<string> SectionKeys = ["heading", "sentences"];
    private static readonly IReadOnlyList<string> SentenceKeys = ["at", "opens", "claims", "part_of", "not_checkable", "reason", "of"];

    public static ArticleRecord? Read(YamlMap map)
    {
        if (map.Node("sections") is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            map.Error(map.Node("sections") is { } bad ? map.PositionOf(bad) : map.Position,
                "article.md's front matter needs 'sections': a list, one per heading of the article, each with 'heading' and 'sentences'.");
            return null;
        }

        var sections = new List<ArticleSection>();
        foreach (var (node, index) in list.Children.Select((n, i) => (n, i + 1)))
        {
            if (node is not YamlMappingNode mapping)
            {
                map.Error(node, "each section is a set of fields: heading and sentences.");
                continue;
            }

            var section = map.Nested(mapping);
            section.RejectUnknownKeys(SectionKeys, "a section");
            var heading = section.String("heading", required: true) ?? "";
            var sentences = new List<ArticleSentence>();
            if (section.Node("sentences") is YamlSequenceNode items)
            {
                foreach (var (item, number) in items.Children.Select((n, i) => (n, i + 1)))
                {
                    if (item is YamlMappingNode sentence && ReadSentence(section.Nested(sentence), index, number) is { } read)
                    {
                        sentences.Add(read);
                    }
                    else if (item is not YamlMappingNode)
                    {
                        section.Error(item, "each sentence is a set of fields: at, opens, and claims, part_of or not_checkable.");
                    }
                }
            }
            else
            {
                section.Error(section.Node("sentences") is { } s ? section.PositionOf(s) : section.Position,
                    $"section {index} needs 'sentences': a list of the sentences under its heading, in order.");
            }

            sections.Add(new ArticleSection(index, heading, sentences, section.Position));
        }

        return new ArticleRecord(sections);
    }

    private static ArticleSentence? ReadSentence(YamlMap map, int section, int number)
    {
        map.RejectUnknownKeys(SentenceKeys, "a sentence");
        var expected = $"{section}.{number}";
        var at = map.String("at", required: true);
        if (at is not null && at != expected)
        {
            map.Error(map.Node("at")!, $"this sentence is at {expected} (section {section}, sentence {number}), not '{at}': sections are numbered from 1 in order, and sentences from 1 within their section, none skipped.");
        }

        var opens = map.String("opens", required: true);
        if (opens is not null && opens.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > SentenceMarks.MaxOpeningWords)
        {
            map.Error(map.Node("opens")!, $"'opens' holds the sentence's first few words (at most {SentenceMarks.MaxOpeningWords}), not the sentence: the article is quoted in full only in a claim's article_quote.");
        }

        var claims = map.StringList("claims", required: false).Select(c => c.Value).ToList();
        var partOf = map.String("part_of", required: false);
        var mark = map.String("not_checkable", required: false);
        var reason = map.String("reason", required: false);
        var restates = map.StringList("of", required: false).Select(c => c.Value).ToList();
        var given = (claims.Count > 0 ? 1 : 0) + (partOf is null ? 0 : 1) + (mark is null ? 0 : 1);
        if (given == 0)
        {
            map.Error(map.Position, $"sentence {expected} is neither a claim nor marked: add 'claims: [C…]' (the claims that quote it), 'part_of: C…', or 'not_checkable: <{string.Join(" | ", SentenceMarks.Written)}>' with a 'reason'.");
        }
        else if (given > 1)
        {
            map.Error(map.Position, $"sentence {expected} has more than one of 'claims', 'part_of' and 'not_checkable'; give one.");
        }

        if (mark is not null && !SentenceMarks.Written.Contains(mark))
        {
            map.Error(map.Node("not_checkable")!, $"not_checkable '{mark}' is not one of: {string.Join(", ", SentenceMarks.Written)}.");
        }

        if (mark is not null && reason is null)
        {
            map.Error(map.Position, $"sentence {expected} is marked not checkable; say why in 'reason'.");
        }

        if (mark == SentenceMarks.Restatement && restates.Count == 0)
        {
            map.Error(map.Node("not_checkable")!, "a restatement names the claims it restates in 'of: [C…]'.");
        }

        return opens is null ? null : new ArticleSentence(section, number, opens, claims, partOf, mark, reason, restates, map.Position);
    }

    /// <summary>Every id the record names is a claim; every claim is quoted at exactly one sentence.</summary>
    public static void CheckAgainstClaims(ArticleRecord record, IReadOnlyList<ClaimDocument> claims, DiagnosticBag bag, List<ContentDiagnostic> diagnostics)
    {
        var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var quotedAt = new Dictionary<string, ArticleSentence>(StringComparer.Ordinal);
        foreach (var sentence in record.Sentences)
        {
            foreach (var id in sentence.Claims.Concat(sentence.Restates).Concat(sentence.PartOf is { } p ? [p] : []).Where(id => !ids.Contains(id)))
            {
                bag.Error(sentence.Position.Line, sentence.Position.Column, $"sentence {sentence.Place} names '{id}', which is not the id of any claim in claims/.");
            }

            foreach (var id in sentence.Claims.Where(ids.Contains))
            {
                if (!quotedAt.TryAdd(id, sentence))
                {
                    bag.Error(sentence.Position.Line, sentence.Position.Column, string.Create(CultureInfo.InvariantCulture,
                        $"claim {id} is already quoted at {quotedAt[id].Place}; a claim quotes one sentence (mark this one 'part_of: {id}' if it continues the claim)."));
                }
            }
        }

        foreach (var claim in claims.Where(c => !quotedAt.ContainsKey(c.Id)))
        {
            var p = claim.FieldPositions["article_quote"];
            diagnostics.Add(new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Error,
                $"this claim has no place in the article: add {claim.Id} to 'claims' of the sentence it quotes in article.md."));
        }
    }
}
