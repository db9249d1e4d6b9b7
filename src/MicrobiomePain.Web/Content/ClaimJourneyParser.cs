using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MicrobiomePain.Web.Content;

/// <summary>
/// Reads the two "journey" fields of a claim's front matter: <c>travel</c> (study → feature → summary, and where the
/// overstatement entered) and <c>history</c> (each change to the claim's review). Checks within the file only; the
/// study key is checked against sources.yml by <see cref="ContentChecker"/>.
/// </summary>
internal static partial class ClaimJourneyParser
{
    public static readonly IReadOnlyList<string> TravelKeys = ["study", "study_source", "feature", "feature_note", "entered"];
    public static readonly IReadOnlyList<string> HistoryKeys = ["date", "change", "why"];

    /// <summary>A quotation of the feature may be one sentence at most: no sentence end followed by another sentence.</summary>
    [GeneratedRegex(@"[.!?…][""”’)]?\s+[""“‘(]?[A-Z]")]
    private static partial Regex SecondSentence();

    public const int MaxFeatureQuoteLength = 300;

    public static ClaimTravel? ReadTravel(YamlMap map)
    {
        if (map.Mapping("travel", "'travel' is a set of fields: study, study_source, feature (optional), feature_note (optional) and entered.") is not { } mapping)
        {
            return null;
        }

        var travel = map.Nested(mapping);
        travel.RejectUnknownKeys(TravelKeys, "'travel'");
        var study = travel.String("study", required: true);
        var studySource = travel.String("study_source", required: true);
        var feature = travel.String("feature", required: false);
        var featureNote = travel.String("feature_note", required: false);
        var entered = travel.String("entered", required: true);
        if (entered is not null && !OverstatementEntry.All.Contains(entered))
        {
            travel.Error(travel.Node("entered")!, $"entered '{entered}' is not one of: {string.Join(", ", OverstatementEntry.All)} (where the overstatement entered: the study's own abstract, the Nature feature, the summary article, or none).");
        }

        if (feature is not null)
        {
            if (feature.Length > MaxFeatureQuoteLength || SecondSentence().IsMatch(feature))
            {
                travel.Error(travel.Node("feature")!, $"'feature' quotes more than one sentence of the Nature feature; quote one sentence at most (up to {MaxFeatureQuoteLength} characters).");
            }
        }
        else if (featureNote is null)
        {
            travel.Error(travel.PositionOfKey("study"), "'travel' has no 'feature' quotation; add one (one sentence at most) or say in 'feature_note' why there is none.");
        }

        if (entered == OverstatementEntry.Feature && feature is null)
        {
            travel.Error(travel.Node("entered")!, "entered 'feature' needs the feature's words in 'feature' (one sentence at most).");
        }

        return study is null || studySource is null || entered is null
            ? null
            : new ClaimTravel(study, studySource, feature, featureNote, entered, map.PositionOf(mapping),
                travel.Has("study_source") ? travel.PositionOf(travel.Node("study_source")!) : map.PositionOf(mapping));
    }

    public static List<ClaimHistoryEntry> ReadHistory(YamlMap map)
    {
        var result = map.ReadMappings("history",
            "'history' is a list of changes, each with date, change and why, e.g. '- date: 2026-11-24'.",
            "each history entry is a set of fields: date, change, why.",
            (fields, entry) =>
            {
                fields.RejectUnknownKeys(HistoryKeys, "a history entry");
                var date = fields.Date("date", required: true);
                var change = fields.String("change", required: true);
                var why = fields.String("why", required: true);
                return date is not null && change is not null && why is not null
                    ? new ClaimHistoryEntry(date.Value, change, why, map.PositionOf(entry))
                    : null;
            });

        foreach (var duplicate in result.GroupBy(h => (h.Date, h.Change)).Where(g => g.Count() > 1))
        {
            map.Error(duplicate.Last().Position, $"the history entry of {duplicate.Key.Date:yyyy-MM-dd} is given twice; keep one.");
        }

        return result;
    }
}
