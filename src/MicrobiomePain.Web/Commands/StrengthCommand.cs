using System.Text.Json;
using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Commands;

/// <summary>
/// `strength FILE`: reads JSON Lines, one object with a "sentence" string per line, and writes to standard output only
/// JSON Lines, one reading per input line in the same order (relation 0-3 and its name, the hedging, the cues).
/// `strength --score FILE [--part development|held-back|all]`: scores the rule against an expert-labelled file
/// (<see cref="LabelledSentences"/>). A line that cannot be read is reported on standard error with its line number,
/// and nothing is written to standard output; exit 1.
/// </summary>
public static class StrengthCommand
{
    public const string UsageText = "strength <file.jsonl> | strength --score <labelled file> [--part development|held-back|all]";

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Read(string path, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"error: {path} not found");
            return 1;
        }

        var sentences = new List<string>();
        var problems = new List<string>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(lines[i]);
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("sentence", out var s) && s.ValueKind == JsonValueKind.String)
                {
                    sentences.Add(s.GetString()!);
                }
                else
                {
                    problems.Add($"{path}:{i + 1}: error: expected an object with a \"sentence\" string");
                }
            }
            catch (JsonException ex)
            {
                problems.Add($"{path}:{i + 1}: error: not JSON ({ex.Message})");
            }
        }

        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            return 1;
        }

        foreach (var sentence in sentences)
        {
            output.WriteLine(JsonSerializer.Serialize(Describe(StatementStrength.Read(sentence)), Json));
        }

        return 0;
    }

    /// <summary>One output line: the relation, the hedging, and each cue with where it is in the sentence.</summary>
    public static Dictionary<string, object> Describe(StrengthReading reading) => new()
    {
        ["relation"] = (int)reading.Relation,
        ["relation_name"] = StatementStrength.RelationName(reading.Relation),
        ["hedging"] = StatementStrength.Slug(reading.Strength),
        ["hedging_name"] = StatementStrength.Name(reading.Strength),
        ["cues"] = reading.Cues.Select(c => new Dictionary<string, object>
        {
            ["text"] = c.Phrase,
            ["start"] = c.Start,
            ["length"] = c.Length,
            ["kind"] = c.Kind.ToString().ToLowerInvariant(),
            ["negated"] = c.Negated,
        }).ToList(),
    };

    public static int Score(string path, string part, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"error: {path} not found");
            return 1;
        }

        var set = LabelledSentences.Read(path);
        if (set.Problems.Count > 0)
        {
            set.Problems.ForEach(error.WriteLine);
            return 1;
        }

        bool Included(string sentence) => part switch
        {
            "held-back" => StrengthSplit.IsHeldBack(sentence),
            "development" => !StrengthSplit.IsHeldBack(sentence),
            _ => true,
        };

        output.WriteLine($"{path}: {set.Format}; part: {part}");
        // The PubMed set is scored twice: the rule as it reads (InSciOut's conventions) against the labels mapped to
        // InSciOut's codes, and the rule switched to the PubMed set's own conventions ("can" direct, negated relations keep
        // their type, recommendations 0).
        StrengthConvention[] conventions = set.Format.StartsWith("PubMed", StringComparison.Ordinal)
            ? [StrengthConvention.InSciOut, StrengthConvention.PubMed] : [StrengthConvention.InSciOut];
        foreach (var convention in conventions)
        {
            foreach (var kind in set.Sentences.Select(s => s.Kind).Distinct().Prepend("all").Distinct())
            {
                var sentences = set.Sentences.Where(s => (kind == "all" || s.Kind == kind) && Included(s.Sentence));
                output.Write(RelationScore($"relation ({convention} conventions), {kind} sentences", sentences, convention).Report());
            }
        }

        if (set.Pairs.Count > 0)
        {
            output.Write(ExaggerationScore(set.Pairs.Where(p => Included(p.PressRelease.Sentence))).Report());
        }

        return 0;
    }

    /// <summary>The rule's relation against the experts' for the given sentences.</summary>
    public static StrengthScore RelationScore(string title, IEnumerable<LabelledSentence> sentences, StrengthConvention convention)
    {
        var score = new StrengthScore(title, ["0 none", "1 correlational", "2 conditional", "3 direct"]);
        foreach (var s in sentences)
        {
            score.Add(s.Relation, (int)StatementStrength.ReadRelation(s.Sentence, convention).Item1);
        }

        return score;
    }

    /// <summary>Exaggeration as the sign of press-release minus abstract relation (InSciOut's definition), against the label.</summary>
    public static StrengthScore ExaggerationScore(IEnumerable<LabelledPair> pairs)
    {
        var score = new StrengthScore("exaggeration (press release against abstract)", LabelledSentences.ExaggerationLabels);
        foreach (var pair in pairs)
        {
            var sign = Math.Sign((int)StatementStrength.Read(pair.PressRelease.Sentence).Relation - (int)StatementStrength.Read(pair.Abstract.Sentence).Relation);
            score.Add(pair.Exaggeration, sign + 1);
        }

        return score;
    }

    /// <summary>Parses the arguments after "strength"; null when they are not a valid call (a usage error).</summary>
    public static int? Run(string[] args, TextWriter output, TextWriter error) => args switch
    {
        [var file] when !file.StartsWith('-') => Read(FromShell(file), output, error),
        ["--score", var file] => Score(FromShell(file), "all", output, error),
        ["--score", var file, "--part", var part] when part is "development" or "held-back" or "all" => Score(FromShell(file), part, output, error),
        _ => null,
    };

    /// <summary>
    /// A relative path as the user typed it: `dotnet run --project …` may start the app in the project folder, so a
    /// relative path is taken from the shell's folder (PWD) when it names a file there.
    /// </summary>
    private static string FromShell(string file) =>
        !Path.IsPathRooted(file) && Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && File.Exists(Path.Combine(pwd, file))
            ? Path.Combine(pwd, file)
            : file;
}
