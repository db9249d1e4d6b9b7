using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Web.Grading;

/// <summary>A claim's whole grading: the certainty, the article's strength, the overstatement and the statement allowed.</summary>
public sealed record ClaimGrading(
    GradingInput Input,
    CertaintyGrade Grade,
    StrengthReading Strength,
    OverstatementReading Overstatement,
    string SupportedStatement)
{
    /// <summary>What would change the grade, computed from the rule (shown under the authored "What would change this").</summary>
    public GradeChanges Changes => GradeChanges.For(Input, Grade);
}

/// <summary>Turns a claim and the bibliography into the rule's inputs, reports what is missing, and grades it.</summary>
public static class ClaimGrader
{
    /// <summary>Relations whose sources form the body of evidence (and so need certainty inputs).</summary>
    public static bool InBody(string relation) => relation is SourceRelations.Supports or SourceRelations.PartlySupports or SourceRelations.Contradicts;

    /// <summary>The inputs of a graded claim, or the problems (at the claim file's positions) that keep it from being graded.</summary>
    public static (GradingInput? Input, List<(SourcePosition Position, string Message)> Problems) Inputs(ClaimDocument claim, IReadOnlyDictionary<string, Source> sources)
    {
        var problems = new List<(SourcePosition, string)>();
        if (claim.Grading.About is not { } about)
        {
            return (null, problems);
        }

        var graded = new List<GradingSource>();
        foreach (var reference in claim.Sources.Where(s => InBody(s.Relation)))
        {
            if (!sources.TryGetValue(reference.Key, out var source))
            {
                continue; // reported as an unknown source by ContentChecker
            }

            if (source.Parts.Count == 0)
            {
                problems.Add((reference.Position, $"source '{reference.Key}' has no certainty inputs; add design, population_kind, sample_size, risk_of_bias and risk_of_bias_reason to its entry in sources.yml."));
                continue;
            }

            SourcePart? part = reference.Design is { } chosen
                ? source.Parts.FirstOrDefault(p => p.Design == chosen)
                : source.Parts.Count == 1 ? source.Parts[0] : null;
            if (part is null)
            {
                problems.Add((reference.Position, reference.Design is null
                    ? $"source '{reference.Key}' has several designs ({string.Join(", ", source.Parts.Select(p => p.Design))}); say which this claim uses with 'design:'."
                    : $"source '{reference.Key}' has no design '{reference.Design}'; use one of: {string.Join(", ", source.Parts.Select(p => p.Design))}."));
                continue;
            }

            // Guidelines, narrative reviews and journalism are not graded, so what they measured does not matter.
            var empirical = CertaintyRule.IsStudy(part.Design);
            if (empirical && reference.Outcome is null)
            {
                problems.Add((reference.Position, $"source '{reference.Key}' needs 'outcome: direct' or 'outcome: indirect' (with outcome_reason): did it measure this claim's outcome?"));
                continue;
            }

            // The industry tie is the source's, read the same way whatever the claim; pooling belongs to the review part.
            var review = GradingVocabulary.Design(part.Design)?.IsReview == true;
            graded.Add(new GradingSource(
                reference.Key, reference.Relation, part.Design, part.PopulationKind, part.SampleSize, part.RiskOfBias,
                reference.Outcome ?? "direct", reference.OutcomeReason, source.Review.IndustryTie,
                review ? source.Review.PooledStudies : null, review ? source.Review.Interval : null));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new GradingInput(about, graded, claim.Grading.PublicationBias, claim.Grading.PublicationBiasSteps), problems);
    }

    /// <summary>The grading of a claim whose inputs are complete; null for a claim that is not graded.</summary>
    public static ClaimGrading? For(ClaimDocument claim, IReadOnlyDictionary<string, Source> sources)
    {
        var (input, problems) = Inputs(claim, sources);
        return input is null || problems.Count > 0 || claim.Grading.SupportedStatement is not { } statement
            ? null
            : Grade(claim, input, statement);
    }

    private static ClaimGrading Grade(ClaimDocument claim, GradingInput input, string statement)
    {
        var grade = CertaintyRule.Grade(input);
        var strength = StatementStrength.Read(
            claim.ArticleQuote,
            claim.Grading.ArticleStrength is { } s ? StatementStrength.Parse(s) : null,
            claim.Grading.ArticleStrengthReason);
        var overstatement = Overstatement.Measure(strength.Strength, grade, input, claim.Kind, claim.ArticleQuote);
        return new ClaimGrading(input, grade, strength, overstatement, statement);
    }

    /// <summary>
    /// Every problem with a claim's grading: missing inputs, a supported statement whose wording does not fit its
    /// certainty, a computed overstatement the claim does not explain, and verdict or panel sources the claim does not
    /// cite. The inputs are read and graded once; the grading is returned so the store is built from the same one.
    /// </summary>
    public static (List<ContentDiagnostic> Diagnostics, ClaimGrading? Grading) Check(ClaimDocument claim, IReadOnlyDictionary<string, Source> sources)
    {
        var diagnostics = new List<ContentDiagnostic>();
        void Error(SourcePosition p, string message) => diagnostics.Add(new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Error, message));
        var cited = claim.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, position) in claim.Grading.Verdict?.Sources ?? [])
        {
            if (!cited.Contains(key))
            {
                Error(position, $"verdict source '{key}' is not one of this claim's sources; cite it under 'sources' first.");
            }
        }

        // A panel may have graded the claim's question without being one of its sources, but it must be in the bibliography.
        foreach (var panel in claim.Grading.PanelGrades.Where(p => !sources.ContainsKey(p.Panel)))
        {
            Error(panel.Position, $"panel_certainty panel '{panel.Panel}' is not in sources.yml; add the guideline or review there first.");
        }

        var (input, problems) = Inputs(claim, sources);
        foreach (var (position, message) in problems)
        {
            Error(position, message);
        }

        if (input is null || claim.Grading.SupportedStatement is not { } statement)
        {
            return (diagnostics, null);
        }

        var grading = Grade(claim, input, statement);
        if (SupportedStatement.Problem(statement, grading.Grade.Certainty) is { } wording)
        {
            Error(claim.FieldPositions["supported_statement"], wording);
        }

        // The computed overstatement and the author's account of it must agree: a claim the rule finds overstated
        // says how in its hype gap (and, through ContentChecker, where it entered on the way from the study).
        if (claim.HypeGap is null && grading.Overstatement.Steps is > 0 and var steps)
        {
            Error(claim.FieldPositions["article_quote"],
                $"the article's sentence reads as '{StatementStrength.Slug(grading.Strength.Strength)}' against a certainty of '{GradingVocabulary.Slug(grading.Grade.Certainty)}': " +
                $"{steps} {(steps == 1 ? "step" : "steps")} of overstatement; say how it goes beyond the evidence in 'hype_gap' and where it entered in travel 'entered'.");
        }

        return (diagnostics, grading);
    }
}
