using Markdig.Syntax;
using System.Security.Cryptography;
using System.Text;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Stage one and two of the pipeline: read every file of a content directory and check it.
/// No database code here; the result is either a checked <see cref="ContentSet"/> or diagnostics.
/// </summary>
public static class ContentReader
{
    /// <summary>Bumped whenever the store's shape or the way content is rendered changes, so old stores are rebuilt.</summary>
    public const string FormatVersion = "7";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ContentReadResult Read(string contentDirectory)
    {
        var root = Path.GetFullPath(contentDirectory);
        if (!Directory.Exists(root))
        {
            return Fail(root, $"content directory '{root}' does not exist.");
        }

        var claimsDirectory = Path.Combine(root, "claims");
        if (!Directory.Exists(claimsDirectory))
        {
            return Fail(root, "content directory has no 'claims' folder; put one claim per file in claims/<slug>.md.");
        }

        var diagnostics = new List<ContentDiagnostic>();
        var files = new ContentFiles(
            Display(Path.Combine(root, ContentFiles.Default.Levels)),
            Display(Path.Combine(root, ContentFiles.Default.Conditions)),
            Display(Path.Combine(root, ContentFiles.Default.Sources)));

        var levels = ReadYaml(Path.Combine(root, ContentFiles.Default.Levels), diagnostics, ReferenceDataParser.ParseLevels);
        var conditions = ReadYaml(Path.Combine(root, ContentFiles.Default.Conditions), diagnostics, ReferenceDataParser.ParseConditions);
        var sources = ReadYaml(Path.Combine(root, ContentFiles.Default.Sources), diagnostics, ReferenceDataParser.ParseSources);

        // Claims are independent of each other until the cross-file check, so parse them in parallel.
        var parsed = Directory.EnumerateFiles(claimsDirectory, "*.md")
            .Order(StringComparer.Ordinal)
            .AsParallel()
            .AsOrdered()
            .Select(ParseClaimFile)
            .ToList();

        var claims = new List<ClaimDocument>(parsed.Count);
        foreach (var (claim, claimDiagnostics) in parsed)
        {
            diagnostics.AddRange(claimDiagnostics);
            if (claim is not null)
            {
                claims.Add(claim);
            }
        }

        if (parsed.Count == 0)
        {
            diagnostics.Add(new ContentDiagnostic(Display(claimsDirectory), 1, 1, DiagnosticSeverity.Error, "there are no claims; add at least one claims/<slug>.md file."));
        }

        var pages = ReadPages(Path.Combine(root, "pages"), claims, diagnostics);
        foreach (var claim in claims)
        {
            var bag = new DiagnosticBag(claim.File);
            CheckReferences(claim.References, claims, bag);
            diagnostics.AddRange(bag.Items);
        }

        if (ReadWalkThrough(Path.Combine(root, "article.md"), claims, levels, diagnostics) is { } article)
        {
            pages.Add(article);
        }

        diagnostics.AddRange(ContentChecker.Check(levels, conditions, sources, claims, files));
        if (diagnostics.Any(d => d.IsError))
        {
            return new ContentReadResult(null, diagnostics);
        }

        var set = new ContentSet(
            levels.OrderBy(l => l.Rank).ToList(),
            conditions,
            sources,
            claims.OrderBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(),
            Hash(root)) { Pages = pages };
        return new ContentReadResult(set, diagnostics);
    }

    /// <summary>
    /// A hash over every file's relative path and bytes (plus <see cref="FormatVersion"/>).
    /// Equal hashes mean an existing store can be reused without reading the content again.
    /// </summary>
    public static string Hash(string contentDirectory)
    {
        var root = Path.GetFullPath(contentDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("format:" + FormatVersion + "\0"));
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        // Files are read in parallel, a batch at a time (bounded memory), and hashed in path order.
        foreach (var batch in paths.Chunk(256))
        {
            var bytes = new byte[batch.Length][];
            Parallel.For(0, batch.Length, i => bytes[i] = File.ReadAllBytes(Path.Combine(root, batch[i])));
            for (var i = 0; i < batch.Length; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(batch[i] + "\0"));
                hash.AppendData(bytes[i]);
                hash.AppendData("\0"u8);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Reads a file as strict UTF-8, reporting a clear diagnostic for non-UTF-8 or empty files.</summary>
    public static string? ReadText(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            bag.Error(1, 1, $"cannot read the file: {ex.Message}");
            return null;
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            bag.Error(1, 1, "the file is empty.");
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = LineColumnOfByte(bytes, ex.Index);
            bag.Error(line, column, "the file is not valid UTF-8; save it with UTF-8 encoding.");
            return null;
        }
    }

    public static string Display(string fullPath)
    {
        var cwd = Path.GetFullPath(Environment.CurrentDirectory);
        return fullPath.StartsWith(cwd + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(cwd, fullPath)
            : fullPath;
    }

    /// <summary>
    /// Reads article.md, the article walked through in our words. Every [[claim:…]] must name a claim, and every claim
    /// must be referenced, so each claim's article_quote appears in the walk-through: the reference renders it.
    /// </summary>
    private static PageDocument? ReadWalkThrough(string path, List<ClaimDocument> claims, List<EvidenceLevel> levels, List<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bag = new DiagnosticBag(Display(path));
        var text = ReadText(path, bag);
        PageDocument? page = null;
        if (text is not null)
        {
            ContentMarkdown.CheckRawHtml(text, bag);
            var document = ContentMarkdown.Parse(text);
            ContentMarkdown.CheckLinks(document, bag);
            var references = document.Descendants<ClaimReferenceInline>().ToList();
            CheckReferences(references, claims, bag);
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

            var title = document.OfType<Markdig.Syntax.HeadingBlock>().FirstOrDefault(h => h.Level == 1);
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

    /// <summary>Every [[claim:…]] must name a claim by its current file name; an old slug (alias) is named as such.</summary>
    private static void CheckReferences(IEnumerable<ClaimReferenceInline> references, List<ClaimDocument> claims, DiagnosticBag bag)
    {
        foreach (var reference in references)
        {
            if (claims.Any(c => c.Slug == reference.Slug))
            {
                continue;
            }

            var renamed = claims.FirstOrDefault(c => c.Aliases.Contains(reference.Slug, StringComparer.Ordinal));
            bag.Error(reference.Line + 1, reference.Column + 1, renamed is not null
                ? $"[[claim:{reference.Slug}]] uses an old slug; write [[claim:{renamed.Slug}]]."
                : $"[[claim:{reference.Slug}]] names no claim; use the file name of a claim in claims/.");
        }
    }

    private static List<PageDocument> ReadPages(string directory, List<ClaimDocument> claims, List<ContentDiagnostic> diagnostics)
    {
        var pages = new List<PageDocument>();
        if (!Directory.Exists(directory))
        {
            return pages;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var bag = new DiagnosticBag(Display(path));
            var text = ReadText(path, bag);
            if (text is not null)
            {
                ContentMarkdown.CheckRawHtml(text, bag);
                var document = ContentMarkdown.Parse(text);
                ContentMarkdown.CheckLinks(document, bag);
                CheckReferences(document.Descendants<ClaimReferenceInline>(), claims, bag);
                var title = document.OfType<Markdig.Syntax.HeadingBlock>().FirstOrDefault(h => h.Level == 1);
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

    private static (ClaimDocument? Claim, IReadOnlyList<ContentDiagnostic> Diagnostics) ParseClaimFile(string path)
    {
        var bag = new DiagnosticBag(Display(path));
        var text = ReadText(path, bag);
        var claim = text is null ? null : ClaimParser.Parse(bag.File, text, bag);
        return (claim, bag.Items);
    }

    private static List<T> ReadYaml<T>(string path, List<ContentDiagnostic> diagnostics, Func<string, DiagnosticBag, List<T>> parse)
    {
        var bag = new DiagnosticBag(Display(path));
        if (!File.Exists(path))
        {
            bag.Error(1, 1, $"missing file; the content directory needs {Path.GetFileName(path)}.");
            diagnostics.AddRange(bag.Items);
            return [];
        }

        var text = ReadText(path, bag);
        var result = text is null ? [] : parse(text, bag);
        diagnostics.AddRange(bag.Items);
        return result;
    }

    private static (int Line, int Column) LineColumnOfByte(byte[] bytes, int index)
    {
        int line = 1, column = 1;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                (line, column) = (line + 1, 1);
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static ContentReadResult Fail(string file, string message) =>
        new(null, [new ContentDiagnostic(Display(file), 1, 1, DiagnosticSeverity.Error, message)]);
}
