using System.Text.RegularExpressions;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Reads one claim file (front matter + Markdown body) into a <see cref="ClaimDocument"/>.
/// Checks what can be checked within the file; cross references are checked by <see cref="ContentChecker"/>.
/// </summary>
public static partial class ClaimParser
{
    public static readonly IReadOnlyList<string> FrontMatterKeys =
    [
        "id", "title", "kind", "aliases", "conditions", "evidence", "level_reasoning",
        "article_quote", "hype_gap", "sources", "reviewed",
        "travel", "history",
        "about", "supported_statement", "article_strength", "article_strength_reason", "publication_bias",
        "publication_bias_steps", "verdict", "panel_certainty",
    ];

    public const string EvidenceSection = "Evidence";
    public const string CaveatsSection = "Caveats";
    public const string WhatWouldChangeSection = "What would change this";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string slug) => slug.Length <= 100 && SlugPattern().IsMatch(slug);

    public static ClaimDocument? Parse(string file, string markdown, DiagnosticBag bag)
    {
        var slug = Path.GetFileNameWithoutExtension(file);
        if (!IsValidSlug(slug))
        {
            bag.Error(1, 1, $"file name '{slug}' is not a valid slug; use lower-case words joined by hyphens, e.g. probiotics-reverse-pain.md.");
        }

        ContentMarkdown.CheckRawHtml(markdown, bag);
        var document = ContentMarkdown.Parse(markdown);
        var frontMatter = ContentMarkdown.FrontMatter(document);
        if (frontMatter is null)
        {
            bag.Error(1, 1, "no front matter; a claim file starts with a '---' line, YAML fields (id, title, …) and a closing '---' line.");
            return null;
        }

        var (yaml, firstLine) = frontMatter.Value;
        var root = YamlMap.ParseRoot(yaml, bag, firstLine - 1);
        if (root is not YamlMappingNode mapping)
        {
            if (root is not null)
            {
                bag.Error(firstLine, 1, "front matter must be a set of 'key: value' fields.");
            }
            else if (bag.Items.Count == 0)
            {
                bag.Error(firstLine, 1, "front matter is empty; it needs id, title, conditions, evidence, level_reasoning, article_quote, sources and reviewed.");
            }

            return null;
        }

        var map = new YamlMap(mapping, bag, firstLine - 1);
        map.RejectUnknownKeys(FrontMatterKeys, "claim front matter");

        var id = map.String("id", required: true);
        if (id is not null && !ClaimId.TryParse(id, out _))
        {
            map.Error(map.Node("id")!, $"id '{id}' must be 'C' followed by a number, e.g. C7; ids are never reused or renumbered.");
        }

        // Checked against kinds.yml with the other cross-file references (ContentChecker).
        var kind = map.String("kind", required: false) ?? ClaimKind.Default;

        var title = map.String("title", required: true);
        var aliases = map.StringList("aliases", required: false);
        foreach (var (alias, position) in aliases)
        {
            if (!IsValidSlug(alias))
            {
                map.Error(position, $"alias '{alias}' is not a valid slug (lower-case words joined by hyphens).");
            }
        }

        var conditions = map.StringList("conditions", required: true);
        var evidence = map.String("evidence", required: true);
        var reasoning = map.String("level_reasoning", required: true);
        var quote = map.String("article_quote", required: true);
        var hypeGap = map.String("hype_gap", required: false);
        var reviewed = map.Date("reviewed", required: true);
        var sources = ReadSources(map);
        var travel = ClaimJourneyParser.ReadTravel(map);
        var history = ClaimJourneyParser.ReadHistory(map);
        var grading = ReadGrading(map, kind);

        var body = ReadBody(document, bag);

        if (bag.Items.Any(d => d.IsError) || id is null || title is null || evidence is null
            || reasoning is null || quote is null || reviewed is null || body is null)
        {
            return null;
        }

        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var key in FrontMatterKeys)
        {
            positions[key] = map.Has(key) ? map.PositionOf(map.Node(key)!) : map.Position;
        }

        return new ClaimDocument(
            file, id, slug, title, kind,
            aliases.Select(a => a.Value).ToList(),
            conditions.Select(c => c.Value).ToList(),
            evidence, reasoning, quote, hypeGap, sources, reviewed.Value,
            body.SummaryHtml, body.SummaryText, body.EvidenceHtml, body.Caveats, body.WhatWouldChangeHtml,
            positions)
        {
            References = document.Descendants<ClaimReferenceInline>().ToList(),
            Travel = travel,
            History = history,
            Grading = grading,
            EvidenceSearchText = body.EvidenceSearchText,
            CaveatsSearchText = body.CaveatsSearchText,
        };
    }

    private static ClaimGradingFields ReadGrading(YamlMap map, string kind)
    {
        var about = map.String("about", required: false);
        if (about is not null && !Grading.GradingVocabulary.Abouts.Contains(about))
        {
            map.Error(map.Node("about")!, $"about '{about}' is not one of: {string.Join(", ", Grading.GradingVocabulary.Abouts)}.");
        }

        var statement = map.String("supported_statement", required: false);
        if (about is not null && statement is null)
        {
            map.Error(map.PositionOfKey("about"), "a graded claim (with 'about') needs 'supported_statement': the claim as its certainty allows it to be said.");
        }

        if (about is null && statement is not null)
        {
            map.Error(map.PositionOfKey("supported_statement"), "'supported_statement' needs 'about: humans' or 'about: animals', so the claim can be graded.");
        }

        var strength = map.String("article_strength", required: false);
        if (strength is not null && Grading.StatementStrength.Parse(strength) is null)
        {
            map.Error(map.Node("article_strength")!, $"article_strength '{strength}' is not one of: {string.Join(", ", Enum.GetValues<Grading.ArticleStrength>().Select(Grading.StatementStrength.Slug))}.");
        }

        var reason = map.String("article_strength_reason", required: false);
        if (strength is not null && reason is null)
        {
            map.Error(map.PositionOfKey("article_strength"), "an article_strength override needs 'article_strength_reason': one line on why the words alone mislead.");
        }

        var publicationBiasSteps = map.Int("publication_bias_steps", required: false) ?? 1;
        if (publicationBiasSteps is not (1 or 2))
        {
            map.Error(map.Node("publication_bias_steps")!, "publication_bias_steps is 1 (serious) or 2 (very serious).");
        }

        return new ClaimGradingFields(about, statement, strength, reason, map.String("publication_bias", required: false))
        {
            PublicationBiasSteps = publicationBiasSteps,
            Verdict = ClaimJudgementParser.ReadVerdict(map, kind, about),
            PanelGrades = ClaimJudgementParser.ReadPanelGrades(map),
        };
    }

    private static List<ClaimSourceRef> ReadSources(YamlMap map)
    {
        var result = new List<ClaimSourceRef>();
        var node = map.Node("sources");
        if (node is null)
        {
            map.Error(map.Position, "missing required field 'sources'; list at least one key from sources.yml.");
            return result;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            map.Error(node, "'sources' must be a non-empty list of keys from sources.yml, e.g. [mckernan-2010].");
            return result;
        }

        foreach (var item in seq.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } key }:
                    result.Add(new ClaimSourceRef(key.Trim(), SourceRelations.Supports, null, map.PositionOf(item)));
                    break;
                case YamlMappingNode entry:
                    var entryMap = map.Nested(entry);
                    entryMap.RejectUnknownKeys(["key", "relation", "note", "outcome", "outcome_reason", "design"], "a source entry");
                    var k = entryMap.String("key", required: true);
                    var relation = entryMap.String("relation", required: false) ?? SourceRelations.Supports;
                    if (!SourceRelations.All.Contains(relation))
                    {
                        entryMap.Error(entryMap.Node("relation")!, $"relation '{relation}' is not one of: {string.Join(", ", SourceRelations.All)}.");
                    }

                    var outcome = entryMap.String("outcome", required: false);
                    if (outcome is not null && !Grading.GradingVocabulary.Outcomes.Contains(outcome))
                    {
                        entryMap.Error(entryMap.Node("outcome")!, $"outcome '{outcome}' is not one of: {string.Join(", ", Grading.GradingVocabulary.Outcomes)}.");
                    }

                    var outcomeReason = entryMap.String("outcome_reason", required: false);
                    if (outcome == "indirect" && outcomeReason is null)
                    {
                        entryMap.Error(entryMap.PositionOfKey("outcome"), "an indirect outcome needs 'outcome_reason', e.g. 'lesion size measured, not pain'.");
                    }

                    if (k is not null)
                    {
                        result.Add(new ClaimSourceRef(k, relation, entryMap.String("note", required: false), map.PositionOf(item))
                        {
                            Outcome = outcome, OutcomeReason = outcomeReason, Design = entryMap.String("design", required: false),
                        });
                    }

                    break;
                default:
                    map.Error(item, "each source is a key from sources.yml, or 'key:' with 'relation:' (supports, partly-supports, contradicts, context).");
                    break;
            }
        }

        return result;
    }

    private sealed record Body(
        string SummaryHtml, string SummaryText, string EvidenceHtml, IReadOnlyList<string> Caveats, string? WhatWouldChangeHtml,
        string EvidenceSearchText, IReadOnlyList<string> CaveatsSearchText);

    private static Body? ReadBody(MarkdownDocument document, DiagnosticBag bag)
    {
        using var html = new ContentMarkdown.SectionRenderer();
        ContentMarkdown.CheckLinks(document, bag);
        var sections = new Dictionary<string, List<Block>>(StringComparer.OrdinalIgnoreCase) { [""] = [] };
        var headings = new Dictionary<string, HeadingBlock>(StringComparer.OrdinalIgnoreCase);
        var current = "";
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                current = heading.Inline is null ? "" : ContentMarkdown.PlainText(heading.Inline).Trim();
                if (current is not (EvidenceSection or CaveatsSection or WhatWouldChangeSection))
                {
                    bag.Error(heading.Line + 1, heading.Column + 1, $"unknown section '## {current}'; a claim has a summary, then '## {EvidenceSection}', '## {CaveatsSection}' and optionally '## {WhatWouldChangeSection}'.");
                }
                else if (!headings.TryAdd(current, heading))
                {
                    bag.Error(heading.Line + 1, heading.Column + 1, $"section '## {current}' appears twice; merge them.");
                }

                sections[current] = [];
                continue;
            }

            sections[current].Add(block);
        }

        var endLine = document.LastChild is { } last ? last.Line + 1 : 1;
        if (sections[""].Count == 0)
        {
            bag.Error(endLine, 1, "the claim has no summary; write a plain-language paragraph after the front matter.");
        }

        if (!sections.TryGetValue(EvidenceSection, out var evidence) || evidence.Count == 0)
        {
            bag.Error(endLine, 1, $"missing or empty '## {EvidenceSection}' section: say what the studies did and found.");
        }

        var caveats = new List<string>();
        var caveatsText = new List<string>();
        if (!sections.TryGetValue(CaveatsSection, out var caveatBlocks) || caveatBlocks.Count == 0)
        {
            bag.Error(endLine, 1, $"missing '## {CaveatsSection}' section: list at least one caveat as '- …'.");
        }
        else
        {
            foreach (var block in caveatBlocks)
            {
                if (block is ListBlock list)
                {
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        if (ContentMarkdown.PlainText(item).Length == 0)
                        {
                            bag.Error(item.Line + 1, item.Column + 1, "this caveat is empty; write it or remove the '-'.");
                            continue;
                        }

                        caveats.Add(html.Render(item));
                        caveatsText.Add(ContentSearchText.Of(item));
                    }
                }
                else
                {
                    bag.Error(block.Line + 1, block.Column + 1, $"'## {CaveatsSection}' holds only a list; start each caveat with '- '.");
                }
            }
        }

        if (bag.Items.Any(d => d.IsError))
        {
            return null;
        }

        sections.TryGetValue(WhatWouldChangeSection, out var change);
        return new Body(
            html.Render(sections[""]),
            string.Join(' ', sections[""].Select(ContentMarkdown.PlainText)),
            html.Render(evidence!),
            caveats,
            change is { Count: > 0 } ? html.Render(change) : null,
            ContentSearchText.Of(evidence!),
            caveatsText);
    }
}
