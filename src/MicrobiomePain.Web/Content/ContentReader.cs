namespace MicrobiomePain.Web.Content;

/// <summary>
/// Stage one and two of the pipeline: read every file of a content directory and check it. The stages, each in its own
/// file: read (<see cref="ContentText"/>), parse reference data (<see cref="ReferenceDataParser"/>) and claims
/// (<see cref="ClaimParser"/>), parse pages and the article (<see cref="PageParser"/>), check across files
/// (<see cref="ContentChecker"/>) and hash (<see cref="ContentHash"/>).
/// No database code here; the result is either a checked <see cref="ContentSet"/> or diagnostics.
/// </summary>
public static class ContentReader
{
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
            ContentText.Display(Path.Combine(root, ContentFiles.Default.Levels)),
            ContentText.Display(Path.Combine(root, ContentFiles.Default.Conditions)),
            ContentText.Display(Path.Combine(root, ContentFiles.Default.Sources)),
            ContentText.Display(Path.Combine(root, ContentFiles.Default.Kinds)));

        var levels = ContentText.ReadYaml(Path.Combine(root, ContentFiles.Default.Levels), diagnostics, ReferenceDataParser.ParseLevels);
        var conditions = ContentText.ReadYaml(Path.Combine(root, ContentFiles.Default.Conditions), diagnostics, ReferenceDataParser.ParseConditions);
        var kinds = ContentText.ReadYaml(Path.Combine(root, ContentFiles.Default.Kinds), diagnostics, ReferenceDataParser.ParseKinds);
        var sources = ContentText.ReadYaml(Path.Combine(root, ContentFiles.Default.Sources), diagnostics, ReferenceDataParser.ParseSources);
        var claims = ReadClaims(claimsDirectory, diagnostics);

        // The search vocabulary is optional: without it a search finds only the words the claims use.
        var vocabularyPath = Path.Combine(root, SearchVocabularyParser.FileName);
        var vocabulary = File.Exists(vocabularyPath) ? ContentText.ReadYaml(vocabularyPath, diagnostics, SearchVocabularyParser.Parse) : [];

        var pages = PageParser.ReadPages(Path.Combine(root, "pages"), claims, diagnostics);
        foreach (var claim in claims)
        {
            var bag = new DiagnosticBag(claim.File);
            ContentChecker.CheckReferences(claim.References, claims, bag);
            diagnostics.AddRange(bag.Items);
        }

        var (article, sentences) = PageParser.ReadArticle(Path.Combine(root, "article.md"), claims, levels, diagnostics);
        if (article is not null)
        {
            pages.Add(article);
        }

        var gradings = new Dictionary<string, Grading.ClaimGrading>(StringComparer.Ordinal);
        diagnostics.AddRange(ContentChecker.Check(levels, conditions, kinds, sources, claims, files, gradings));
        if (diagnostics.Any(d => d.IsError))
        {
            return new ContentReadResult(null, diagnostics);
        }

        var set = new ContentSet(
            levels.OrderBy(l => l.Rank).ToList(),
            conditions,
            sources,
            claims.OrderBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(),
            ContentHash.Of(root)) { Kinds = kinds, Pages = pages, Gradings = gradings, Article = sentences, Vocabulary = vocabulary };
        return new ContentReadResult(set, diagnostics);
    }

    /// <summary>
    /// Parses every claims/*.md. Claims are independent of each other until the cross-file check, so they are parsed in
    /// parallel (in path order); a folder without claims is an error.
    /// </summary>
    private static List<ClaimDocument> ReadClaims(string claimsDirectory, List<ContentDiagnostic> diagnostics)
    {
        var cwd = Path.GetFullPath(Environment.CurrentDirectory);
        var parsed = ContentText.MarkdownFiles(claimsDirectory)
            .AsParallel()
            .AsOrdered()
            .Select(path => ParseClaimFile(path, cwd))
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
            diagnostics.Add(new ContentDiagnostic(ContentText.Display(claimsDirectory), 1, 1, DiagnosticSeverity.Error, "there are no claims; add at least one claims/<slug>.md file."));
        }

        return claims;
    }

    private static (ClaimDocument? Claim, IReadOnlyList<ContentDiagnostic> Diagnostics) ParseClaimFile(string path, string cwd)
    {
        var bag = new DiagnosticBag(ContentText.Display(path, cwd));
        var text = ContentText.Read(path, bag);
        var claim = text is null ? null : ClaimParser.Parse(bag.File, text, bag);
        return (claim, bag.Items);
    }

    private static ContentReadResult Fail(string file, string message) =>
        new(null, [new ContentDiagnostic(ContentText.Display(file), 1, 1, DiagnosticSeverity.Error, message)]);
}
