using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Reads how a claim is judged: a <c>verdict</c> for a claim about the research or about recommendations, or the
/// certainty inputs of an effect claim (read by <see cref="ClaimParser"/>); and the panels' own grades,
/// <c>panel_certainty</c>. Which kinds take which is decided here (see content/pages/method.md, "Two kinds of claim").
/// </summary>
internal static class ClaimJudgementParser
{
    public static readonly IReadOnlyList<string> VerdictKeys = ["rating", "sources", "reason"];
    public static readonly IReadOnlyList<string> PanelKeys = ["panel", "question", "grade", "seen_at", "verified"];

    /// <summary>The verdict ratings, in order from accurate to unverifiable (the verdict= filter values).</summary>
    public static readonly IReadOnlyList<string> Ratings = ["accurate", "partly-accurate", "inaccurate", "cannot-be-checked"];

    /// <summary>Kinds that are always about the research (a verdict); kinds that are always effects (a certainty).</summary>
    public const string AboutResearchKind = "uncertainty";

    public static readonly IReadOnlyList<string> EffectKinds = ["forecast", "advice"];

    public static ClaimVerdict? ReadVerdict(YamlMap map, string kind, string? about)
    {
        if (map.Mapping("verdict", "'verdict' is a set of fields: rating, sources (the keys that decide it) and reason (one line).") is not { } mapping)
        {
            if (kind == AboutResearchKind && map.Node("verdict") is null)
            {
                map.Error(map.PositionOfKey("kind"), "a claim of kind 'uncertainty' is about the research: give it a 'verdict' (rating, sources, reason) instead of a certainty.");
            }

            return null;
        }

        var verdict = map.Nested(mapping);
        verdict.RejectUnknownKeys(VerdictKeys, "'verdict'");
        if (EffectKinds.Contains(kind))
        {
            map.Error(map.PositionOfKey("verdict"), $"a claim of kind '{kind}' is about an effect and is graded for certainty; remove 'verdict' (see the method page, \"Two kinds of claim\").");
        }

        if (about is not null)
        {
            map.Error(map.PositionOfKey("verdict"), "a claim with a verdict is about the research, not an effect: remove 'about' and 'supported_statement' (no certainty is computed for it).");
        }

        var rating = verdict.String("rating", required: true);
        if (rating is not null && !Ratings.Contains(rating))
        {
            verdict.Error(verdict.Node("rating")!, $"verdict rating '{rating}' is not one of: {string.Join(", ", Ratings)}.");
        }

        var sources = verdict.StringList("sources", required: true);
        var reason = verdict.String("reason", required: true);
        return rating is null || reason is null || !Ratings.Contains(rating) || sources.Count == 0
            ? null
            : new ClaimVerdict(rating, sources, reason, map.PositionOf(mapping));
    }

    public static List<PanelGrade> ReadPanelGrades(YamlMap map) =>
        map.ReadMappings("panel_certainty",
            "'panel_certainty' is a list of panel grades, each with panel, question, grade, seen_at and verified.",
            "each panel grade is a set of fields: panel, question, grade, seen_at, verified.",
            (grade, entry) =>
            {
                grade.RejectUnknownKeys(PanelKeys, "a panel grade");
                var panel = grade.String("panel", required: true);
                var question = grade.String("question", required: true);
                var level = grade.String("grade", required: true);
                var seenAt = grade.String("seen_at", required: true);
                var verified = grade.String("verified", required: true);
                var certainty = level is null ? null : Grading.GradingVocabulary.Parse(level);
                if (level is not null && certainty is null or Grading.Certainty.NoDirectEvidence)
                {
                    grade.Error(grade.Node("grade")!, $"grade '{level}' is not one of: high, moderate, low, very-low (the panel's GRADE certainty).");
                }

                if (seenAt is not null && !(Uri.TryCreate(seenAt, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
                {
                    grade.Error(grade.Node("seen_at")!, "seen_at must be the absolute http(s) address of the page where the panel's grade was seen.");
                }

                if (verified is not null && !ReferenceDataParser.VerificationMarks.Contains(verified))
                {
                    grade.Error(grade.Node("verified")!, $"verified '{verified}' is not one of: {string.Join(", ", ReferenceDataParser.VerificationMarks)}.");
                }

                return panel is not null && question is not null && level is not null && seenAt is not null && verified is not null
                    ? new PanelGrade(panel, question, level, seenAt, verified, map.PositionOf(entry))
                    : null;
            });
}
