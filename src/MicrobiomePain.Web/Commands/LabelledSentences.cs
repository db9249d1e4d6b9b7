using System.Globalization;
using System.Text;
using System.Text.Json;
using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Commands;

/// <summary>One expert-labelled sentence, its label already in InSciOut's coding (0 none … 3 direct causal).</summary>
public sealed record LabelledSentence(int Line, string Sentence, int Relation, string Kind);

/// <summary>A press-release / abstract pair and the experts' exaggeration label (stronger / same / weaker).</summary>
public sealed record LabelledPair(int Line, LabelledSentence PressRelease, LabelledSentence Abstract, int Exaggeration);

/// <summary>A labelled file read for `strength --score`, or the problems that kept a line from being read.</summary>
public sealed record LabelledSet(string Format, List<LabelledSentence> Sentences, List<LabelledPair> Pairs, List<string> Problems);

/// <summary>
/// Reads the two expert-coded formats, and a plain one for fixtures, into InSciOut's coding:
/// <list type="bullet">
/// <item>InSciOut pairs (JSON Lines with press_release_conclusion, press_release_strength, abstract_conclusion,
/// abstract_strength, exaggeration_label): 0 none, 1 correlational, 2 conditional causal, 3 direct causal;</item>
/// <item>the PubMed set of Yu et al. 2019 (CSV sentence,label), whose own coding is 0 none, 1 direct causal, 2
/// conditional causal, 3 correlational: mapped explicitly by <see cref="FromPubMed"/> (its conventions are not);</item>
/// <item>JSON Lines with "sentence" and "relation" in InSciOut's coding.</item>
/// </list>
/// </summary>
public static class LabelledSentences
{
    public static readonly IReadOnlyList<string> ExaggerationLabels = ["downplays", "same", "exaggerates"];

    /// <summary>The PubMed set's codes in InSciOut's: 1 (direct causal) becomes 3 and 3 (correlational) becomes 1.</summary>
    public static int FromPubMed(int label) => label switch
    {
        0 => 0,
        1 => 3,
        2 => 2,
        3 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "the PubMed set's labels are 0-3"),
    };

    public static LabelledSet Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        return first.StartsWith('{') ? ReadJsonLines(path, lines) : ReadPubMedCsv(path, lines);
    }

    private static LabelledSet ReadJsonLines(string path, string[] lines)
    {
        var set = new LabelledSet("json-lines", [], [], []);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var line = i + 1;
            try
            {
                using var json = JsonDocument.Parse(lines[i]);
                var o = json.RootElement;
                if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty("press_release_conclusion", out _))
                {
                    var press = new LabelledSentence(line, Text(o, "press_release_conclusion"), Relation(o, "press_release_strength"), "press release");
                    var paper = new LabelledSentence(line, Text(o, "abstract_conclusion"), Relation(o, "abstract_strength"), "abstract");
                    var label = Text(o, "exaggeration_label");
                    var exaggeration = ExaggerationLabels.ToList().IndexOf(label);
                    if (exaggeration < 0)
                    {
                        throw new FormatException($"exaggeration_label '{label}' is not one of: {string.Join(", ", ExaggerationLabels)}");
                    }

                    set.Sentences.Add(press);
                    set.Sentences.Add(paper);
                    set.Pairs.Add(new LabelledPair(line, press, paper, exaggeration));
                }
                else
                {
                    set.Sentences.Add(new LabelledSentence(line, Text(o, "sentence"), Relation(o, "relation"), "sentence"));
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                set.Problems.Add($"{path}:{line}: error: {ex.Message}");
            }
        }

        return set with { Format = set.Pairs.Count > 0 ? "InSciOut pairs (InSciOut coding)" : "sentences (InSciOut coding)" };
    }

    private static LabelledSet ReadPubMedCsv(string path, string[] lines)
    {
        var set = new LabelledSet("PubMed CSV (Yu et al. coding, mapped to InSciOut's)", [], [], []);
        if (lines.Length == 0 || lines[0].Trim() != "sentence,label")
        {
            set.Problems.Add($"{path}:1: error: expected JSON Lines or a CSV file whose header is 'sentence,label'");
            return set;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var comma = lines[i].LastIndexOf(',');
            if (comma < 0 || !int.TryParse(lines[i][(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label > 3)
            {
                set.Problems.Add($"{path}:{i + 1}: error: expected 'sentence,label' with a label 0-3");
                continue;
            }

            var sentence = lines[i][..comma];
            if (sentence.Length >= 2 && sentence[0] == '"' && sentence[^1] == '"')
            {
                sentence = sentence[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            set.Sentences.Add(new LabelledSentence(i + 1, sentence, FromPubMed(label), "PubMed conclusion"));
        }

        return set;
    }

    private static string Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new FormatException($"\"{name}\" must be a non-empty string");

    private static int Relation(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n is >= 0 and <= 3
            ? n
            : throw new FormatException($"\"{name}\" must be an integer 0-3");
}

/// <summary>
/// The one split of a labelled set into a development part (four fifths, used to choose the rule's words) and a held-back
/// fifth (looked at only to report): by a stable hash of the sentence's text (FNV-1a, 32 bits, over its UTF-8 bytes),
/// so the split is the same on every machine and run, and a sentence repeated in the file always falls on one side.
/// </summary>
public static class StrengthSplit
{
    public static bool IsHeldBack(string sentence)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sentence))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash % 5 == 0;
    }
}
