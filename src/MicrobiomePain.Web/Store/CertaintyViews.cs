using System.Globalization;
using System.Text.Json;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Store;

/// <summary>Turns the rule's result into the record the claim page, the API and the JSON-LD show, stored as JSON with the claim.</summary>
public static class CertaintyViews
{
    public static ClaimCertainty View(ClaimGrading grading, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<PanelGrade>? panels = null)
    {
        var sourceViews = grading.Input.Sources.Select(s =>
        {
            var source = sources[s.Key];
            var reference = source;
            string? mark = reference.Unverified.Contains("n") || reference.Unverified.Contains("sample_size") ? "unverified"
                : reference.PartlyVerified.Contains("n") || reference.PartlyVerified.Contains("sample_size") ? "partly verified"
                : reference.Verification == "unverified" ? "unverified" : null;
            return new GradedSourceView(
                s.Key, source.Title, s.Relation, GradingVocabulary.Design(s.Design)!.Name, s.PopulationKind,
                s.SampleSize?.ToString(CultureInfo.InvariantCulture) ?? "unknown", s.SampleSize is null ? null : mark,
                s.RiskOfBias, source.RiskOfBiasReason, s.Outcome, s.OutcomeReason, grading.Grade.StartKeys.Contains(s.Key));
        }).ToList();
        return new ClaimCertainty(
            CertaintyBadge.For(grading.Grade.Certainty),
            grading.Input.About,
            GradingVocabulary.Name(grading.Grade.Start),
            grading.Grade.StartReason,
            grading.Grade.Domains.Select(d => new DomainView(d.Domain, d.Steps, d.Judgement, d.Reason, d.SourceKeys)).ToList(),
            grading.Grade.Floored,
            sourceViews,
            grading.SupportedStatement,
            new ArticleStrengthView(
                StatementStrength.Slug(grading.Strength.Strength), StatementStrength.Name(grading.Strength.Strength), (int)grading.Strength.Strength,
                grading.Strength.Explanation, grading.Strength.OverrideReason, grading.Strength.Cues),
            grading.Overstatement.Steps,
            grading.Overstatement.Gap,
            grading.Overstatement.Types,
            grading.Overstatement.Words)
        {
            PanelGrades = Panels(panels ?? [], grading.Grade.Certainty),
            ComputedChanges = grading.Changes,
        };
    }

    public static string Json(ClaimGrading grading, IReadOnlyDictionary<string, Source> sources, IReadOnlyList<PanelGrade>? panels = null) =>
        JsonSerializer.Serialize(View(grading, sources, panels), JsonOptions);

    public static string VerdictJson(ClaimVerdict verdict, IReadOnlyList<PanelGrade> panels) =>
        JsonSerializer.Serialize(
            new ClaimVerdictView(VerdictBadge.For(verdict.Rating)!, verdict.Reason, verdict.Sources.Select(s => s.Key).ToList(), Panels(panels, null)),
            JsonOptions);

    public static ClaimVerdictView? ReadVerdict(string? json) => json is null ? null : JsonSerializer.Deserialize<ClaimVerdictView>(json, JsonOptions);

    private static List<PanelGradeView> Panels(IReadOnlyList<PanelGrade> panels, Certainty? ours) => panels.Select(p =>
    {
        var grade = GradingVocabulary.Parse(p.Grade)!.Value;
        return new PanelGradeView(p.Panel, p.Question, CertaintyBadge.For(grade), p.SeenAt, p.Verified,
            ours is { } o ? PanelGradeView.AgreementOf(o, grade) : null);
    }).ToList();

    public static ClaimCertainty? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<ClaimCertainty>(json, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
