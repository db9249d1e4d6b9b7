namespace MicrobiomePain.Web.Content;

/// <summary>
/// Cross-file checks: every key a claim uses exists, and ids, slugs and aliases are unique.
/// Runs after each file has been parsed on its own.
/// </summary>
public static class ContentChecker
{
    public static IEnumerable<ContentDiagnostic> Check(
        IReadOnlyList<EvidenceLevel> levels,
        IReadOnlyList<Condition> conditions,
        IReadOnlyList<ClaimKind> kinds,
        IReadOnlyList<Source> sources,
        IReadOnlyList<ClaimDocument> claims,
        ContentFiles files,
        IDictionary<string, Grading.ClaimGrading>? gradings = null)
    {
        var diagnostics = new List<ContentDiagnostic>();
        void Error(string file, SourcePosition p, string message) =>
            diagnostics.Add(new ContentDiagnostic(file, p.Line, p.Column, DiagnosticSeverity.Error, message));

        Unique(levels, l => l.Slug, l => l.Position, files.Levels, "evidence level slug", Error);
        Unique(levels, l => l.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), l => l.Position, files.Levels, "evidence level rank", Error);
        Unique(conditions, c => c.Slug, c => c.Position, files.Conditions, "condition slug", Error);
        Unique(kinds, k => k.Slug, k => k.Position, files.Kinds, "kind slug", Error);
        Unique(sources, s => s.Key, s => s.Position, files.Sources, "source key", Error);

        var levelSlugs = levels.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        var conditionSlugs = conditions.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        var kindSlugs = kinds.Select(k => k.Slug).ToHashSet(StringComparer.Ordinal);
        var sourceKeys = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var byKey = sources.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var ids = new Dictionary<string, ClaimDocument>(StringComparer.Ordinal);
        var names = new Dictionary<string, ClaimDocument>(StringComparer.Ordinal);
        foreach (var claim in claims.OrderBy(c => c.File, StringComparer.Ordinal))
        {
            if (!ids.TryAdd(claim.Id, claim))
            {
                Error(claim.File, claim.FieldPositions["id"], $"id '{claim.Id}' is already used by {ids[claim.Id].File}; ids are never reused, take the next free number.");
            }

            if (!names.TryAdd(claim.Slug, claim))
            {
                Error(claim.File, new SourcePosition(1, 1), $"slug '{claim.Slug}' is already an alias of {names[claim.Slug].File}.");
            }

            foreach (var alias in claim.Aliases)
            {
                if (!names.TryAdd(alias, claim))
                {
                    Error(claim.File, claim.FieldPositions["aliases"], $"alias '{alias}' collides with a slug or alias of {names[alias].File}; each old address can point to one claim only.");
                }
            }

            if (!levelSlugs.Contains(claim.Evidence))
            {
                Error(claim.File, claim.FieldPositions["evidence"], $"unknown evidence level '{claim.Evidence}'; use one of: {string.Join(", ", levels.OrderBy(l => l.Rank).Select(l => l.Slug))}.");
            }

            if (!kindSlugs.Contains(claim.Kind))
            {
                Error(claim.File, claim.FieldPositions["kind"], $"unknown kind '{claim.Kind}'; add it to {ContentFiles.Default.Kinds} or use one of: {string.Join(", ", kinds.Select(k => k.Slug))}.");
            }

            foreach (var condition in claim.Conditions.Where(c => !conditionSlugs.Contains(c)))
            {
                Error(claim.File, claim.FieldPositions["conditions"], $"unknown condition '{condition}'; add it to conditions.yml or use one of: {string.Join(", ", conditions.Select(c => c.Slug))}.");
            }

            foreach (var duplicate in claim.Conditions.GroupBy(c => c).Where(g => g.Count() > 1))
            {
                Error(claim.File, claim.FieldPositions["conditions"], $"condition '{duplicate.Key}' is listed twice.");
            }

            foreach (var source in claim.Sources)
            {
                if (!sourceKeys.Contains(source.Key))
                {
                    Error(claim.File, source.Position, $"unknown source '{source.Key}'; add it to sources.yml first.");
                }
            }

            if (claim.Travel is { } travel && !claim.Sources.Any(s => s.Key == travel.StudySource))
            {
                Error(claim.File, travel.StudySourcePosition, $"travel study_source '{travel.StudySource}' is not one of this claim's sources; cite it under 'sources' or name a source it cites.");
            }

            // An overstatement is a claim with a hype gap; ClaimGrader.Check adds that a computed overstatement needs one.
            if (claim.Travel is { } told && (claim.HypeGap is not null) != (told.Entered != OverstatementEntry.None))
            {
                Error(claim.File, told.Position, claim.HypeGap is not null
                    ? "the claim has a hype_gap but travel 'entered' is 'none'; name where the overstatement entered (abstract, feature or summary)."
                    : $"travel 'entered' is '{told.Entered}' but the claim has no hype_gap; describe the overstatement in 'hype_gap' or set 'entered: none'.");
            }

            if (claim.History.Count > 0 && claim.History.Max(h => h.Date) is var newest && newest > claim.Reviewed)
            {
                Error(claim.File, claim.FieldPositions["reviewed"], $"the history has an entry of {newest:yyyy-MM-dd}, after 'reviewed' ({claim.Reviewed:yyyy-MM-dd}); set 'reviewed' to the date of the newest review.");
            }

            foreach (var duplicate in claim.Sources.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            {
                Error(claim.File, duplicate.Last().Position, $"source '{duplicate.Key}' is cited twice; keep one entry.");
            }

            // Graded once per build: the store is written from these gradings (ContentSet.Gradings).
            var (gradingProblems, grading) = Grading.ClaimGrader.Check(claim, byKey);
            diagnostics.AddRange(gradingProblems);
            if (grading is not null && gradings is not null)
            {
                gradings[claim.Id] = grading;
            }
        }

        return diagnostics;
    }

    /// <summary>Every [[claim:…]] must name a claim by its current file name; an old slug (alias) is named as such.</summary>
    public static void CheckReferences(IEnumerable<ClaimReferenceInline> references, IReadOnlyList<ClaimDocument> claims, DiagnosticBag bag)
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

    private static void Unique<T>(
        IEnumerable<T> items, Func<T, string> key, Func<T, SourcePosition> position, string file, string what,
        Action<string, SourcePosition, string> error)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (!seen.TryAdd(k, position(item)))
            {
                error(file, position(item), $"{what} '{k}' is already used at line {seen[k].Line}.");
            }
        }
    }
}

/// <summary>The relative file names diagnostics use for the reference data files.</summary>
public sealed record ContentFiles(string Levels, string Conditions, string Sources, string Kinds)
{
    public static ContentFiles Default { get; } = new("evidence-levels.yml", "conditions.yml", "sources.yml", "kinds.yml");
}
