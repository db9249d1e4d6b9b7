using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

/// <summary>One choice of a filter dimension: its slug (the query value), its name, and the badge a page shows for it (null: the name alone).</summary>
public sealed record FacetTerm(string Slug, string Name, object? Badge = null, int Rank = 0);

/// <summary>What the <see cref="ClaimIndex"/> reads of every claim when it loads; each dimension takes its values from it.</summary>
public sealed record ClaimFacts(int Number, int LevelRank, int CertaintyRank, string? Verdict, string Kind)
{
    /// <summary>The claim's condition slugs (read from their own table).</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

/// <summary>
/// One way to filter the claim list: its query word, its choices (from the store's vocabulary or fixed by the code), how a
/// claim's values are read, and how pages and the API name it. The parser, the filter's URL, the index's facet counts,
/// the list page's fieldsets, the title and breadcrumb, and the API's parameters all follow <see cref="FilterDimensions.All"/>.
/// Within a dimension choices are alternatives (OR); dimensions combine with AND. A claim with no value in a dimension
/// (a claim with a verdict has no certainty) is left out whenever something is chosen in it.
/// </summary>
public sealed record FilterDimension(string Word, string Legend, string Noun, string Description)
{
    /// <summary>The choices in the order pages list them.</summary>
    public required Func<FilterVocabulary, IReadOnlyList<FacetTerm>> Terms { get; init; }

    /// <summary>A claim's values (slugs): none, one or several.</summary>
    public required Func<ClaimFacts, FilterVocabulary, IEnumerable<string>> ValuesOf { get; init; }

    /// <summary>Choices fixed by the code (the API document lists them); null when they come from the content.</summary>
    public IReadOnlyList<FacetTerm>? Fixed { get; init; }

    /// <summary>The partial that shows a choice's <see cref="FacetTerm.Badge"/> (symbol and words); null to show its name.</summary>
    public string? BadgePartial { get; init; }

    /// <summary>True when the URL lists the choices by slug (conditions); otherwise in the vocabulary's order.</summary>
    public bool SlugOrder { get; init; }

    /// <summary>The word before the names in a title ("certainty high or low"), whose names are then lower-cased; null for names that say what they are.</summary>
    public string? TitleWord { get; init; }

    /// <summary>For an ordered scale: the query word of "at least this choice" and its description.</summary>
    public (string Word, string Description)? Minimum { get; init; }
}

/// <summary>The claim list's filter dimensions, in the order of the URL, the page's fieldsets and the API document.</summary>
public static class FilterDimensions
{
    public static FilterDimension Condition { get; } = new(
        "condition", "Condition", "condition",
        "Condition slug (see /api/conditions); repeat for several (any of them). Unknown slugs are a 400 naming the valid ones.")
    {
        Terms = v => v.Conditions.Select(c => new FacetTerm(c.Slug, c.Name)).ToList(),
        ValuesOf = (claim, _) => claim.Conditions,
        SlugOrder = true,
    };

    public static FilterDimension Evidence { get; } = new(
        "evidence", "Evidence level", "level",
        "Evidence level slug (see /api/evidence-levels); repeat for several (any of them).")
    {
        Terms = v => v.Levels.Select(l => new FacetTerm(l.Slug, l.Name, l, l.Rank)).ToList(),
        ValuesOf = (claim, v) => v.Levels.Where(l => l.Rank == claim.LevelRank).Select(l => l.Slug),
        BadgePartial = "_LevelBadge",
        Minimum = ("min", "Only claims at this evidence level or stronger."),
    };

    public static FilterDimension Certainty { get; } = Fixed(
        "certainty", "Certainty of the evidence", "certainty",
        "Certainty of the evidence (see /evidence/method)",
        CertaintyBadge.All.Select(c => new FacetTerm(c.Slug, c.Name, c, c.Rank)).ToList(),
        claim => claim.Verdict is null ? CertaintyBadge.ForRank(claim.CertaintyRank).Slug : null,
        "_CertaintyBadge");

    public static FilterDimension Verdict { get; } = Fixed(
        "verdict", "Verdict (claims about the research)", "verdict",
        "Accuracy verdict of a claim about the research or about recommendations (see /evidence/method)",
        VerdictBadge.All.Select(v => new FacetTerm(v.Slug, v.Name, v, v.Rank)).ToList(),
        claim => claim.Verdict,
        "_VerdictBadge");

    public static FilterDimension Kind { get; } = new(
        "kind", "Kind of claim", "kind",
        "Kind of claim (content/kinds.yml; each item's `kind`, counted under `facets.kind`); repeat for several (any of them).")
    {
        Terms = v => v.Facets.GetValueOrDefault("kind") ?? [],
        ValuesOf = (claim, _) => [claim.Kind],
    };

    public static IReadOnlyList<FilterDimension> All { get; } = [Condition, Evidence, Certainty, Verdict, Kind];

    private static FilterDimension Fixed(
        string word, string legend, string noun, string description, IReadOnlyList<FacetTerm> terms, Func<ClaimFacts, string?> valueOf, string partial) =>
        new(word, legend, noun, $"{description}: {string.Join(", ", terms.Select(t => t.Slug))}; repeat for several (any of them).")
        {
            Terms = _ => terms,
            ValuesOf = (claim, _) => valueOf(claim) is { } slug ? [slug] : [],
            Fixed = terms,
            BadgePartial = partial,
            TitleWord = word,
        };
}
