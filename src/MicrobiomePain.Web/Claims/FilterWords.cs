namespace MicrobiomePain.Web.Claims;

/// <summary>The names chosen in one filter dimension, in the vocabulary's order, and its minimum ("at least …") if it has one.</summary>
public sealed record FilterWordGroup(FilterDimension Dimension, IReadOnlyList<string> Names, string? AtLeast)
{
    /// <summary>The names as one phrase: "Fibromyalgia or Endometriosis", "certainty high or low".</summary>
    public string Phrase => Dimension.TitleWord is { } word
        ? word + " " + string.Join(" or ", Names.Select(n => n.ToLowerInvariant()))
        : string.Join(" or ", Names);
}

/// <summary>
/// A filter in the reader's words: the names, not the slugs, of what it selects, each dimension in the vocabulary's order.
/// One description, written two ways: the list page's title and the claim page's link back to the list.
/// </summary>
public sealed record FilterWords(IReadOnlyList<FilterWordGroup> Groups, string? Query, int Page)
{
    public static FilterWords Describe(ClaimFilter filter, FilterVocabulary vocabulary) => new(
        FilterDimensions.All.Select(d => new FilterWordGroup(
                d,
                d.Terms(vocabulary).Where(t => filter.Chosen(d).Contains(t.Slug)).Select(t => t.Name).ToList(),
                d.Minimum is not null && filter.MinLevel is { } min ? d.Terms(vocabulary).First(t => t.Slug == min).Name : null))
            .Where(g => g.Names.Count > 0 || g.AtLeast is not null)
            .ToList(),
        filter.Query,
        filter.Page);

    /// <summary>"Claims: Fibromyalgia; Human trial; page 2", so a tab, the history and a screen reader say which list this is.</summary>
    public string Title()
    {
        var parts = Groups.SelectMany(g => g.Names.Count > 0 ? [g.Phrase, .. AtLeast(g)] : AtLeast(g)).ToList();
        if (Page > 1)
        {
            parts.Add($"page {Page}");
        }

        return parts.Count == 0 ? "Claims" : "Claims: " + string.Join("; ", parts);
    }

    /// <summary>"Claims: Fibromyalgia, Human trial, certainty high, “pain”": the claim page's breadcrumb back to the list it was reached from.</summary>
    public string Breadcrumb() =>
        "Claims: " + string.Join(", ", Groups
            .SelectMany(g => (g.Dimension.TitleWord is null ? g.Names : g.Names.Count > 0 ? [g.Phrase] : []).Concat(AtLeast(g)))
            .Concat(Query is { } q ? [$"“{q}”"] : []));

    private static string[] AtLeast(FilterWordGroup group) => group.AtLeast is { } min ? ["at least " + min] : [];
}
