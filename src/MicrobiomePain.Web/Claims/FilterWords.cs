namespace MicrobiomePain.Web.Claims;

/// <summary>
/// A filter in the reader's words: the names, not the slugs, of what it selects, each group in the vocabulary's order.
/// One description, written two ways: the list page's title and the claim page's link back to the list.
/// </summary>
public sealed record FilterWords(
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Levels,
    string? MinLevel,
    IReadOnlyList<string> Certainties,
    string? Query,
    int Page)
{
    public static FilterWords Describe(ClaimFilter filter, FilterVocabulary vocabulary) => new(
        vocabulary.Conditions.Where(c => filter.Conditions.Contains(c.Slug)).Select(c => c.Name).ToList(),
        vocabulary.Levels.Where(l => filter.Levels.Contains(l.Slug)).Select(l => l.Name).ToList(),
        filter.MinLevel is { } min ? vocabulary.Levels.First(l => l.Slug == min).Name : null,
        CertaintyBadge.All.Where(c => filter.Certainties.Contains(c.Slug)).Select(c => c.Name.ToLowerInvariant()).ToList(),
        filter.Query,
        filter.Page);

    /// <summary>"Claims: Fibromyalgia; Human trial; page 2", so a tab, the history and a screen reader say which list this is.</summary>
    public string Title()
    {
        var parts = new List<string>();
        if (Conditions.Count > 0)
        {
            parts.Add(string.Join(" or ", Conditions));
        }

        if (Levels.Count > 0)
        {
            parts.Add(string.Join(" or ", Levels));
        }

        if (MinLevel is { } min)
        {
            parts.Add("at least " + min);
        }

        if (Certainties.Count > 0)
        {
            parts.Add("certainty " + string.Join(" or ", Certainties));
        }

        if (Page > 1)
        {
            parts.Add($"page {Page}");
        }

        return parts.Count == 0 ? "Claims" : "Claims: " + string.Join("; ", parts);
    }

    /// <summary>"Claims: Fibromyalgia, Human trial, “pain”": the claim page's breadcrumb back to the list it was reached from.</summary>
    public string Breadcrumb() =>
        "Claims: " + string.Join(", ", Conditions
            .Concat(Levels)
            .Concat(MinLevel is { } min ? [$"at least {min}"] : [])
            .Concat(Query is { } q ? [$"“{q}”"] : []));
}
