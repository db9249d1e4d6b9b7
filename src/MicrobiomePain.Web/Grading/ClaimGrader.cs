using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Web.Grading;

/// <summary>A claim's whole grading: the certainty, the article's strength, the overstatement and the statement allowed.</summary>
public sealed record ClaimGrading(
    GradingInput Input,
    CertaintyGrade Grade,
    StrengthReading Strength,
    OverstatementReading Overstatement,
    string SupportedStatement);

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

            // Narrative reviews and journalism are not graded, so what they measured does not matter.
            var empirical = GradingVocabulary.Design(part.Design) is { Kind: not DesignKind.NotEmpirical };
            if (empirical && reference.Outcome is null)
            {
                problems.Add((reference.Position, $"source '{reference.Key}' needs 'outcome: direct' or 'outcome: indirect' (with outcome_reason): did it measure this claim's outcome?"));
                continue;
            }

            graded.Add(new GradingSource(
                reference.Key, reference.Relation, part.Design, part.PopulationKind, part.SampleSize, part.RiskOfBias,
                reference.Outcome ?? "direct", reference.OutcomeReason));
        }

        return problems.Count > 0 ? (null, problems) : (new GradingInput(about, graded, claim.Grading.PublicationBias), problems);
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
        var overstatement = Overstatement.Measure(strength, grade, input, claim.Kind);
        return new ClaimGrading(input, grade, strength, overstatement, statement);
    }

    /// <summary>
    /// Every problem with a claim's grading: missing inputs, a supported statement whose wording does not fit its
    /// certainty, and a computed overstatement the claim does not explain. The inputs are read and graded once.
    /// </summary>
    public static IEnumerable<ContentDiagnostic> Check(ClaimDocument claim, IReadOnlyDictionary<string, Source> sources)
    {
        var (input, problems) = Inputs(claim, sources);
        foreach (var (position, message) in problems)
        {
            yield return new ContentDiagnostic(claim.File, position.Line, position.Column, DiagnosticSeverity.Error, message);
        }

        if (input is null || claim.Grading.SupportedStatement is not { } statement)
        {
            yield break;
        }

        var grading = Grade(claim, input, statement);
        if (SupportedStatement.Problem(statement, grading.Grade.Certainty) is { } wording)
        {
            var p = claim.FieldPositions["supported_statement"];
            yield return new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Error, wording);
        }

        // The computed overstatement and the author's account of it must agree: a claim the rule finds overstated
        // says how in its hype gap (and, through ContentChecker, where it entered on the way from the study).
        if (claim.HypeGap is null && grading.Overstatement.Steps is > 0 and var steps)
        {
            var p = claim.FieldPositions["article_quote"];
            yield return new ContentDiagnostic(claim.File, p.Line, p.Column, DiagnosticSeverity.Error,
                $"the article's sentence reads as '{StatementStrength.Slug(grading.Strength.Strength)}' against a certainty of '{GradingVocabulary.Slug(grading.Grade.Certainty)}': " +
                $"{steps} {(steps == 1 ? "step" : "steps")} of overstatement; say how it goes beyond the evidence in 'hype_gap' and where it entered in travel 'entered'.");
        }
    }
}
