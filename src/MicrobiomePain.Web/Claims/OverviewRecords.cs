using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Web.Claims;

// Records for the pages that look at all claims at once: the evidence map, the conditions and the levels.

/// <summary>One cell of the evidence map: the claims about one condition at one level, and the list URL that shows them.</summary>
public sealed record MatrixCell(LevelBadge Level, int Count, ClaimFilter Filter);

public sealed record MatrixRow(ConditionRef Condition, IReadOnlyList<MatrixCell> Cells)
{
    /// <summary>Claims about this condition. Each claim has one level, so the row's cells add up without double counting.</summary>
    public int Total => Cells.Sum(c => c.Count);

    public ClaimFilter Filter => ClaimFilter.All with { Conditions = [Condition.Slug] };
}

/// <summary>
/// Conditions down, evidence levels (weakest to strongest) across. A claim about two conditions is counted
/// in both rows, so columns are not summed.
/// </summary>
public sealed record EvidenceMatrix(IReadOnlyList<LevelBadge> Levels, IReadOnlyList<MatrixRow> Rows);

public sealed record ConditionSummary(string Slug, string Name, string Description, int ClaimCount);

/// <summary>
/// Claims at one level, for pages that group claims strongest first: the first <see cref="ClaimQuery.GroupSize"/> in
/// article order, how many there are in all, and the claim list that shows every one of them.
/// </summary>
public sealed record LevelGroup(LevelBadge Level, IReadOnlyList<ClaimSummary> Claims, int Total, string ListUrl)
{
    public bool IsPartial => Total > Claims.Count;
}

public sealed record ConditionPage(ConditionSummary Condition, IReadOnlyList<LevelGroup> Groups);

public sealed record LevelExplained(string Description, string MoveUp, LevelGroup Group)
{
    public LevelBadge Level => Group.Level;
}

/// <summary>Claims per condition and certainty (the map's certainty view); each cell links to the filtered list.</summary>
public sealed record CertaintyMatrix(IReadOnlyList<CertaintyBadge> Certainties, IReadOnlyList<CertaintyMatrixRow> Rows);

public sealed record CertaintyMatrixRow(ConditionRef Condition, IReadOnlyList<CertaintyMatrixCell> Cells)
{
    public int Total => Cells.Sum(c => c.Count);
}

public sealed record CertaintyMatrixCell(CertaintyBadge Certainty, int Count, ClaimFilter Filter);

/// <summary>How often, and by how much, the article sounds surer than its evidence (graded effect claims only: claims about the research have verdicts and are not counted).</summary>
public sealed record OverstatementSummary(int Graded, int Overstated, double AverageSteps)
{
    /// <summary>The one line the home page and /article show.</summary>
    public string Sentence => Overstated == 0
        ? $"The article never sounds more certain than its evidence in the {Graded} graded claims."
        : $"The article sounds more certain than its evidence in {Overstated} of {Graded} graded claims, by {AverageSteps.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} {(AverageSteps == 1 ? "step" : "steps")} on average.";
}
