using Markdig.Syntax;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// The pages of <c>pages/*.md</c> and the walk-through of <c>article.md</c>: each starts with its title as a '# '
/// heading, and its [[claim:…]] references must name claims.
/// </summary>
public static class PageParser
{
    /// <summary>
    /// Reads every <c>pages/*.md</c> in path order; a page with an error is left out. Each is a page of the site by its front
    /// matter alone: <c>title</c>, <c>description</c> (the search snippet and the page's meta description),
    /// <c>path</c> (its address, <see cref="PagePaths"/>) and, optionally, <c>nav</c> (its link text in the site's
    /// navigation, after the pages code serves, in file-name order); no code names it.
    /// </summary>
    public static List<PageDocument> ReadPages(string directory, List<ClaimDocument> claims, List<ContentDiagnostic> diagnostics)
    {
        var pages = new List<PageDocument>();
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
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
                var front = ReadPageFrontMatter(document, bag, paths, ContentText.Display(path));
                if (document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { } heading)
                {
                    bag.Error(heading.Line + 1, heading.Column + 1, "a page's title is its front matter's 'title'; remove the '# ' heading (the page shows the title itself).");
                }

                if (front is { } f && !bag.Items.Any(d => d.IsError))
                {
                    pages.Add(new PageDocument(
                        Path.GetFileNameWithoutExtension(path),
                        f.Title,
                        ContentMarkdown.RenderBlocks(document.Where(b => b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock)))
                    {
                        Path = f.Path,
                        Description = f.Description,
                        Nav = f.Nav,
                    });
                }
            }

            diagnostics.AddRange(bag.Items);
        }

        return pages;
    }

    /// <summary>The longest link text a page may put in the navigation, which must fit one line on a phone beside the others.</summary>
    public const int NavMaxLength = 24;

    private static (string Title, string Description, string Path, string? Nav)? ReadPageFrontMatter(
        MarkdownDocument document, DiagnosticBag bag, Dictionary<string, string> paths, string file)
    {
        const string shape = "a page starts with front matter ('---' lines) giving its 'title', 'description' and 'path' (e.g. path: /about).";
        if (ContentMarkdown.FrontMatter(document) is not { } frontMatter)
        {
            bag.Error(1, 1, shape);
            return null;
        }

        var (yaml, firstLine) = frontMatter;
        if (YamlMap.ParseRoot(yaml, bag, firstLine - 1) is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            bag.Error(firstLine, 1, shape);
            return null;
        }

        var map = new YamlMap(mapping, bag, firstLine - 1);
        map.RejectUnknownKeys(["title", "description", "path", "nav"], "a page's front matter");
        var title = map.String("title", required: true);
        var description = map.String("description", required: true);
        var address = map.String("path", required: true);
        var nav = map.String("nav", required: false);
        if (nav is not null && map.Node("nav") is { } navNode && (nav.Length > NavMaxLength || nav.Contains('\n', StringComparison.Ordinal)))
        {
            map.Error(navNode, $"'nav' is the page's link text in the site's navigation: one line of at most {NavMaxLength} characters (e.g. nav: About).");
            return null;
        }

        if (address is not null && map.Node("path") is { } node)
        {
            if (PagePaths.Problem(address) is { } problem)
            {
                map.Error(node, problem);
                return null;
            }

            if (!paths.TryAdd(address, file))
            {
                map.Error(node, $"'path' '{address}' is already the address of {paths[address]}; each page needs its own.");
                return null;
            }
        }

        return title is null || description is null || address is null ? null : (title, description, address, nav);
    }

    /// <summary>
    /// Reads article.md: its front matter records every sentence of the article (see <see cref="ArticleSentenceParser"/>),
    /// its body is the page's title and introduction. Each claim must be quoted at one recorded sentence.
    /// </summary>
    public static (PageDocument? Page, ArticleRecord? Record) ReadArticle(string path, List<ClaimDocument> claims, List<EvidenceLevel> levels, List<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        var bag = new DiagnosticBag(ContentText.Display(path));
        var text = ContentText.Read(path, bag);
        PageDocument? page = null;
        ArticleRecord? record = null;
        if (text is not null)
        {
            ContentMarkdown.CheckRawHtml(text, bag);
            var document = ContentMarkdown.Parse(text);
            ContentMarkdown.CheckLinks(document, bag);
            ContentChecker.CheckReferences(document.Descendants<ClaimReferenceInline>(), claims, bag);
            record = ReadRecord(document, bag);
            if (record is not null)
            {
                ArticleSentenceParser.CheckAgainstClaims(record, claims, bag, diagnostics);
            }

            var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
            if (title?.Inline is null)
            {
                bag.Error(1, 1, "article.md has its title as a '# ' heading after the front matter.");
            }
            else
            {
                var ranks = levels.ToDictionary(l => l.Slug);
                var targets = claims.Where(c => ranks.ContainsKey(c.Evidence)).ToDictionary(
                    c => c.Slug,
                    c => new ClaimReferenceTarget(c.Title, c.Evidence, ranks[c.Evidence].Symbol, ranks[c.Evidence].Name, c.ArticleQuote));
                var body = document.Where(b => b != title && b is not Markdig.Extensions.Yaml.YamlFrontMatterBlock);
                page = new PageDocument("article", ContentMarkdown.PlainText(title.Inline), ClaimReferenceExtension.Render(body, targets));
            }
        }

        diagnostics.AddRange(bag.Items);
        return (page, record);
    }

    private static ArticleRecord? ReadRecord(MarkdownDocument document, DiagnosticBag bag)
    {
        if (ContentMarkdown.FrontMatter(document) is not { } frontMatter)
        {
            bag.Error(1, 1, "article.md starts with front matter ('---' lines) recording every sentence of the article under 'sections'.");
            return null;
        }

        var (yaml, firstLine) = frontMatter;
        if (YamlMap.ParseRoot(yaml, bag, firstLine - 1) is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
        {
            bag.Error(firstLine, 1, "article.md's front matter must be a set of 'key: value' fields with 'sections'.");
            return null;
        }

        var map = new YamlMap(mapping, bag, firstLine - 1);
        map.RejectUnknownKeys(["sections"], "article.md's front matter");
        return ArticleSentenceParser.Read(map);
    }
}
