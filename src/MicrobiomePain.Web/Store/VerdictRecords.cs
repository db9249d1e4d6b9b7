using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Store;

// What pages, the API and exports show of a claim about the research: its accuracy verdict, and of any claim the
// panels' own grades. Built at store build time from the content and stored with the claim, like the certainty.

/// <summary>An accuracy verdict as shown: slug (the verdict= filter value), name, a symbol so it reads without colour, rank.</summary>
public sealed record VerdictBadge(string Slug, string Name, string Symbol, int Rank)
{
    /// <summary>Every verdict, from accurate to unverifiable (the order of the filter).</summary>
    public static IReadOnlyList<VerdictBadge> All { get; } =
    [
        new("accurate", "Accurate", "✓", 3),
        new("partly-accurate", "Partly accurate", "◐", 2),
        new("inaccurate", "Inaccurate", "✗", 1),
        new("cannot-be-checked", "Cannot be checked", "?", 0),
    ];

    public static VerdictBadge? For(string? slug) => All.FirstOrDefault(v => v.Slug == slug);
}

/// <summary>A panel's own grade beside ours: where it was seen, whether verified, and how far apart the two are.</summary>
public sealed record PanelGradeView(
    string Panel,
    string Question,
    CertaintyBadge Grade,
    string SeenAt,
    string Verified,
    string? Agreement)
{
    /// <summary>"same level", "one apart" or "further apart" between the panel's grade and ours (null for a verdict claim).</summary>
    public static string? AgreementOf(Certainty ours, Certainty panel) =>
        Math.Abs((int)ours - (int)panel) switch
        {
            0 => "same level",
            1 => "one apart",
            _ => "further apart",
        };
}

/// <summary>The verdict of a claim about the research or about recommendations, as the claim page and the API show it.</summary>
public sealed record ClaimVerdictView(VerdictBadge Verdict, string Reason, IReadOnlyList<string> Sources, IReadOnlyList<PanelGradeView> PanelGrades);
