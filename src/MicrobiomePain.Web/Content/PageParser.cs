using Markdig.Syntax;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// The pages of <c>pages/*.md</c> and the walk-through of <c>article.md</c>: each starts with its title as a '# '
/// heading, and its [[claim:…]] references must name claims.
/// </summary>
public static class PageParser
{
    /// <summary>Reads every <c>pages/*.md</c> in path order; a page with an error is left out.</summary>
    public static List<PageDocument> ReadPages(string directory, List<ClaimDocument> claims, List<ContentDiagnostic> diagnostics)
    {
        var pages = new List<PageDocument>();
        foreach (var path in ContentText.MarkdownFiles(directory))
        {
            var bag = new DiagnosticBag(ContentText.Display(path));
            var text = ContentText.Read(path, bag);
            if (text is not null)
            {
                ContentMarkdown.CheckRawHtml(text, bag);
                var document = ContentMarkdown.Parse(text);
                ContentMarkdown.CheckLinks(document, bag);
                ContentChecker.CheckReferences(document.Descendants<ClaimReferenceInline>(), claims, bag);
                var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
                if (title?.Inline is null)
                {
                    bag.Error(1, 1, "a page starts with its title as a '# ' heading.");
                }
                else if (!bag.Items.Any(d => d.IsError))
                {
                    pages.Add(new PageDocument(
                        Path.GetFileNameWithoutExtension(path),
                        ContentMarkdown.PlainText(title.Inline),
                        ContentMarkdown.RenderBlocks(document.Where(b => b != title))));
                }
            }

            diagnostics.AddRange(bag.Items);
        }

        return pages;
    }

    /// <summary>
    /// Reads article.md, the article walked through in our words. Every [[claim:…]] must name a claim, and every claim
    /// must be referenced, so each claim's article_quote appears in the walk-through: the reference renders it.
    /// </summary>
    public static PageDocument? ReadWalkThrough(string path, List<ClaimDocument> claims, List<EvidenceLevel> levels, List<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bag = new DiagnosticBag(ContentText.Display(path));
        var text = ContentText.Read(path, bag);
        PageDocument? page = null;
        if (text is not null)
        {
            ContentMarkdown.CheckRawHtml(text, bag);
            var document = ContentMarkdown.Parse(text);
            ContentMarkdown.CheckLinks(document, bag);
            var references = document.Descendants<ClaimReferenceInline>().ToList();
            ContentChecker.CheckReferences(references, claims, bag);
            var bySlug = claims.ToDictionary(c => c.Slug, StringComparer.Ordinal);
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in references.Where(r => bySlug.ContainsKey(r.Slug)))
            {
                if (!referenced.Add(reference.Slug))
                {
                    bag.Error(reference.Line + 1, reference.Column + 1, $"[[claim:{reference.Slug}]] appears twice; a claim has one place in the walk-through.");
                }
            }

            foreach (var claim in claims.Where(c => !referenced.Contains(c.Slug)))
            {
                var p = claim.FieldPositions["article_quote"];
                diagnostics.Add(new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Error,
                    $"this claim is not in the walk-through; add [[claim:{claim.Slug}]] to article.md where the article says it."));
            }

            var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            if (title?.Inline is null)
            {
                bag.Error(1, 1, "article.md starts with its title as a '# ' heading.");
            }
            else
            {
                var ranks = levels.ToDictionary(l => l.Slug);
                var targets = claims.Where(c => ranks.ContainsKey(c.Evidence)).ToDictionary(
                    c => c.Slug,
                    c => new ClaimReferenceTarget(c.Title, c.Evidence, ranks[c.Evidence].Symbol, ranks[c.Evidence].Name, c.ArticleQuote));
                page = new PageDocument("article", ContentMarkdown.PlainText(title.Inline), ClaimReferenceExtension.Render(document.Where(b => b != title), targets));
            }
        }

        diagnostics.AddRange(bag.Items);
        return page;
    }
}
