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

    // A renderer per thread, set up once: building an HtmlRenderer and its object renderers for every section of every claim
    // was a fifth of a claim's parse time. Rendering is synchronous, so a thread's renderer is never used twice at once.
    [ThreadStatic]
    private static (StringWriter Writer, ReusableHtmlRenderer Renderer)? _threadRenderer;

    /// <summary>Renders a run of top-level blocks (a section of a document) to HTML.</summary>
    public static string RenderBlocks(IEnumerable<Block> blocks)
    {
        if (_threadRenderer is not { } cached)
        {
            var writer = new StringWriter();
            var renderer = new ReusableHtmlRenderer(writer);
            Pipeline.Setup(renderer);
            _threadRenderer = cached = (writer, renderer);
        }

        cached.Renderer.Restart();
        try
        {
            foreach (var block in blocks)
            {
                cached.Renderer.Render(block);
            }

            cached.Writer.Flush();
            return cached.Writer.GetStringBuilder().ToString().Trim();
        }
        catch
        {
            _threadRenderer = null; // never reuse a renderer left halfway through a document
            throw;
        }
        finally
        {
            if (cached.Writer.GetStringBuilder().Capacity > 1 << 20)
            {
                _threadRenderer = null; // do not keep a huge buffer alive for the thread's lifetime
            }
        }
    }

    private sealed class ReusableHtmlRenderer(StringWriter writer) : HtmlRenderer(writer)
    {
        /// <summary>Empties the writer and forgets indents and line state, as a new renderer would start.</summary>
        public void Restart() => Reset();
    }

    /// <summary>The plain text of a block and its descendants, for summaries, search and meta tags.</summary>
    public static string PlainText(Block block)
    {
        var leaves = new List<LeafBlock>();
        if (block is LeafBlock self)
        {
            leaves.Add(self);
        }
        else if (block is ContainerBlock container)
        {
            CollectLeaves(container, leaves);
        }

        var parts = new List<string>(leaves.Count);
        foreach (var leaf in leaves)
        {
            if (leaf.Inline is { } inline)
            {
                parts.Add(PlainText(inline));
            }
        }

        return string.Join(' ', parts).Trim();
    }

    public static string PlainText(ContainerInline inline)
    {
        var sb = new System.Text.StringBuilder();
        AppendText(inline, sb);
        return sb.ToString();
    }

    // The walks below visit what Markdig's Descendants() visits, in its order (depth first, a leaf block's inlines right
    // after it), by recursion: its iterators allocate two stacks per call, a tenth of a claim's parse time at 10k claims.
    private static void CollectLeaves(ContainerBlock container, List<LeafBlock> leaves)
    {
        foreach (var child in container)
        {
            if (child is LeafBlock leaf)
            {
                leaves.Add(leaf);
            }
            else if (child is ContainerBlock nested)
            {
                CollectLeaves(nested, leaves);
            }
        }
    }

    private static void AppendText(ContainerInline container, System.Text.StringBuilder sb)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
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

            if (child is ContainerInline nested)
            {
                AppendText(nested, sb);
            }
        }
    }

    /// <summary>Every inline of type <typeparamref name="T"/> in a document, in Markdig's Descendants order.</summary>
    public static List<T> Inlines<T>(ContainerBlock container)
        where T : Inline
    {
        var found = new List<T>();
        CollectInlines(container, found);
        return found;
    }

    private static void CollectInlines<T>(ContainerBlock container, List<T> found)
        where T : Inline
    {
        foreach (var child in container)
        {
            if (child is LeafBlock { Inline: { } inline })
            {
                CollectInlines(inline, found);
            }
            else if (child is ContainerBlock nested)
            {
                CollectInlines(nested, found);
            }
        }
    }

    private static void CollectInlines<T>(ContainerInline container, List<T> found)
        where T : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is T match)
            {
                found.Add(match);
            }

            if (child is ContainerInline nested)
            {
                CollectInlines(nested, found);
            }
        }
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
        foreach (var link in Inlines<LinkInline>(document))
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
