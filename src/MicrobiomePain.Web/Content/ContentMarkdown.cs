using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// The one Markdown pipeline used for all content. Built once; Markdig pipelines are immutable
/// and thread-safe. Raw HTML is disabled: any HTML an author types is shown as text.
/// </summary>
public static class ContentMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Use<ClaimReferenceExtension>()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders a run of top-level blocks (a section of a document) to HTML.</summary>
    public static string RenderBlocks(IEnumerable<Block> blocks)
    {
        using var renderer = new SectionRenderer();
        return renderer.Render(blocks);
    }

    /// <summary>
    /// Renders the sections of one document, one after another, with one renderer set up once for them all (a claim has
    /// four to eight sections and caveats; setting a renderer up for each cost 3-5 % of the store build at 10k claims,
    /// docs/performance.md, "a renderer per claim"). Not thread-safe: one per document being parsed.
    /// </summary>
    public sealed class SectionRenderer : IDisposable
    {
        private readonly StringWriter _writer = new();
        private readonly HtmlRenderer _renderer;

        public SectionRenderer()
        {
            _renderer = new HtmlRenderer(_writer);
            Pipeline.Setup(_renderer);
        }

        public string Render(IEnumerable<Block> blocks)
        {
            _writer.GetStringBuilder().Clear();
            foreach (var block in blocks)
            {
                _renderer.Render(block);
            }

            _writer.Flush();
            return _writer.ToString().Trim();
        }

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>The plain text of a block and its descendants, for summaries, search and meta tags.</summary>
    public static string PlainText(Block block)
    {
        IEnumerable<LeafBlock> leaves = block switch
        {
            LeafBlock leaf => [leaf],
            ContainerBlock container => container.Descendants<LeafBlock>(),
            _ => [],
        };
        return string.Join(' ', leaves.Where(l => l.Inline is not null).Select(l => PlainText(l.Inline!))).Trim();
    }

    public static string PlainText(ContainerInline inline)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The YAML text of the front matter and the 1-based file line its first YAML line is on.</summary>
    public static (string Yaml, int FirstLine)? FrontMatter(MarkdownDocument document)
    {
        // Markdig opens a front matter block only on a document's first line, so it is a top-level block.
        var block = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            return null;
        }

        // Depending on the Markdig version the block's lines may or may not carry the '---' fences.
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()).ToList();
        var skip = lines.Count > 0 && lines[0].TrimEnd() == "---" ? 1 : 0;
        var body = lines.Skip(skip).TakeWhile(l => l.TrimEnd() is not ("---" or "...")).ToList();
        var firstLine = block.Lines.Count > skip ? block.Lines.Lines[skip].Line + 1 : block.Line + 2;
        return (string.Join('\n', body), firstLine);
    }

    // Only used to find raw HTML so it can be reported; never used to render.
    private static readonly MarkdownPipeline HtmlDetection = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Reports raw HTML. The rendering pipeline would show it as text, which is never what the author meant,
    /// so it is an error that says to write Markdown instead.
    /// </summary>
    public static void CheckRawHtml(string markdown, DiagnosticBag bag)
    {
        // Raw HTML, block or inline, starts with '<': without one there is nothing to find, and no second parse is needed.
        if (!markdown.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        var document = Markdown.Parse(markdown, HtmlDetection);
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            bag.Error(block.Line + 1, block.Column + 1, "raw HTML is not allowed in content; write it as Markdown (it would be shown as text).");
        }

        foreach (var inline in document.Descendants<HtmlInline>().Where(i => !i.Tag.StartsWith("</", StringComparison.Ordinal)))
        {
            bag.Error(inline.Line + 1, inline.Column + 1, $"raw HTML '{Shorten(inline.Tag)}' is not allowed in content; write it as Markdown (it would be shown as text).");
        }
    }

    /// <summary>Reports links whose address is not http(s), a site path or an in-page anchor (for example javascript:).</summary>
    public static void CheckLinks(MarkdownDocument document, DiagnosticBag bag)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
                || url.StartsWith('#'))
            {
                continue;
            }

            bag.Error(link.Line + 1, link.Column + 1, $"link address '{Shorten(url)}' is not allowed; use an https:// address or a site path such as /claims/<slug>.");
        }
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
