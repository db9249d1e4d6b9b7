using System.Net;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Site;

namespace MicrobiomePain.Web.Content;

/// <summary>An inline reference to a claim, written <c>[[claim:&lt;slug&gt;]]</c> in content Markdown.</summary>
public sealed class ClaimReferenceInline : LeafInline
{
    public required string Slug { get; init; }
}

/// <summary>What a reference renders: the claim's title, its level (symbol + name) and the article's sentence.</summary>
public sealed record ClaimReferenceTarget(string Title, string LevelSlug, string LevelSymbol, string LevelName, string Quote);

/// <summary>Parses <c>[[claim:slug]]</c>. Registered in the shared pipeline; rendering needs the claims, see <see cref="Render"/>.</summary>
public sealed class ClaimReferenceExtension : IMarkdownExtension
{
    public const string Prefix = "[[claim:";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<ClaimReferenceParser>())
        {
            pipeline.InlineParsers.Insert(0, new ClaimReferenceParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ClaimReferenceRenderer>())
        {
            html.ObjectRenderers.Insert(0, new ClaimReferenceRenderer(new Dictionary<string, ClaimReferenceTarget>()));
        }
    }

    /// <summary>Renders blocks with claim references resolved against <paramref name="claims"/> (slug → target).</summary>
    public static string Render(IEnumerable<Block> blocks, IReadOnlyDictionary<string, ClaimReferenceTarget> claims)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.RemoveAll(r => r is ClaimReferenceRenderer);
        renderer.ObjectRenderers.Insert(0, new ClaimReferenceRenderer(claims));
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        writer.Flush();
        return writer.ToString().Trim();
    }
}

internal sealed class ClaimReferenceParser : InlineParser
{
    public ClaimReferenceParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        if (!text.StartsWith(ClaimReferenceExtension.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = text.IndexOf("]]", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var start = slice.Start;
        var slug = text[ClaimReferenceExtension.Prefix.Length..end].ToString().Trim();
        processor.Inline = new ClaimReferenceInline
        {
            Slug = slug,
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), start + end + 1),
            Line = line,
            Column = column,
        };
        slice.Start = start + end + 2;
        return true;
    }
}

/// <summary>A link to the claim with its level badge; the anchor id lets each claim page link back to its place.</summary>
internal sealed class ClaimReferenceRenderer(IReadOnlyDictionary<string, ClaimReferenceTarget> claims) : HtmlObjectRenderer<ClaimReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, ClaimReferenceInline reference)
    {
        var slug = WebUtility.HtmlEncode(reference.Slug);
        if (!claims.TryGetValue(reference.Slug, out var claim))
        {
            renderer.Write($"<a href=\"{WebUtility.HtmlEncode(Links.Claim(reference.Slug))}\">{slug}</a>");
            return;
        }

        renderer.Write($"<span class=\"claim-ref\" id=\"claim-{slug}\"><q>{WebUtility.HtmlEncode(claim.Quote)}</q> ");
        renderer.Write($"<a href=\"{WebUtility.HtmlEncode(Links.Claim(reference.Slug))}\">{WebUtility.HtmlEncode(claim.Title)}</a> ");
        renderer.Write(LevelBadgeHtml.Of(claim.LevelSlug, claim.LevelSymbol, claim.LevelName)).Write("</span>");
    }
}
