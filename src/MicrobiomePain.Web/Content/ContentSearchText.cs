using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MicrobiomePain.Web.Content;

/// <summary>The search index's text of parsed Markdown, taken from the parse tree rather than from the rendered HTML.</summary>
public static class ContentSearchText
{
    /// <summary>
    /// The words a reader sees in the rendered HTML of <paramref name="blocks"/>, for the search index: the text of the
    /// parse tree, with a space wherever the HTML has a tag (so words split and join as they do on the page), code block
    /// lines, entities decoded, autolinks and unresolved claim references as the text they render, and no image alt text.
    /// </summary>
    public static string Of(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            Append(block, sb);
        }

        return sb.ToString();
    }

    private static void Append(Block block, StringBuilder sb)
    {
        sb.Append(' ');
        switch (block)
        {
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    sb.Append(line.Slice.ToString()).Append('\n');
                }

                break;
            case LeafBlock { Inline: { } inline }:
                Append(inline, sb);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(child, sb);
                }

                break;
        }

        sb.Append(' ');
    }

    private static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.ToString());
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.ToString());
                break;
            case CodeInline code:
                sb.Append(' ').Append(code.Content).Append(' ');
                break;
            case AutolinkInline autolink:
                sb.Append(' ').Append(autolink.Url).Append(' ');
                break;
            case ClaimReferenceInline reference:
                sb.Append(' ').Append(reference.Slug).Append(' ');
                break;
            case LineBreakInline lineBreak:
                sb.Append(lineBreak.IsHard ? " \n" : "\n");
                break;
            case LinkInline { IsImage: true }:
                sb.Append(' ');
                break;
            case ContainerInline container:
                // A paragraph's root container renders no tag; emphasis and links do.
                var tagged = container.GetType() != typeof(ContainerInline);
                if (tagged)
                {
                    sb.Append(' ');
                }

                foreach (var child in container)
                {
                    Append(child, sb);
                }

                if (tagged)
                {
                    sb.Append(' ');
                }

                break;
        }
    }
}
