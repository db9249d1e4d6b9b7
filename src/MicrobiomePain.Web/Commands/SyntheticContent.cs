using MicrobiomePain.Web.Content;
using System.Globalization;
using System.Text;

namespace MicrobiomePain.Web.Commands;

/// <summary>
/// Writes N valid claims in the real content format (front matter, ~200-word body, caveats, sources, conditions from a
/// fixed list) plus the YAML files, for load tests and benchmarks: `-- generate 10000 /tmp/content-10k`.
/// The text is deterministic (seeded), so runs are comparable.
/// </summary>
public static class SyntheticContent
{
    private static readonly string[] Conditions =
        ["chronic-pain-general", "fibromyalgia", "endometriosis", "irritable-bowel-syndrome", "chronic-pelvic-pain", "visceral-pain"];

    private static readonly string[] Levels = ["speculative", "animal-study", "human-observational", "human-trial"];

    private static readonly string[] Words =
    [
        "microbiome", "pain", "gut", "bacteria", "probiotic", "trial", "mice", "rats", "visceral", "hypersensitivity",
        "cohort", "placebo", "randomised", "endometriosis", "fibromyalgia", "lesion", "diversity", "metabolite", "immune",
        "signalling", "butyrate", "faecal", "transplant", "stress", "early", "life", "antibiotic", "strain", "dose", "week",
        "participants", "controls", "association", "causation", "sample", "sequencing", "inflammation", "nerve", "spinal",
    ];

    /// <summary>The files copied as they are from the shipped content: generated claims use its levels and conditions.</summary>
    public static readonly IReadOnlyList<string> TemplateFiles = ["evidence-levels.yml", "conditions.yml", "kinds.yml"];

    /// <summary>Writes <paramref name="count"/> claims, with the shipped content's levels and conditions.</summary>
    public static int Write(int count, string directory, TextWriter output) =>
        Write(count, directory, AppCommands.ShippedContent(), output);

    /// <summary>Writes <paramref name="count"/> claims, copying <see cref="TemplateFiles"/> from <paramref name="template"/>.</summary>
    public static int Write(int count, string directory, string template, TextWriter output)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.Combine(root, "claims"));
        foreach (var file in TemplateFiles)
        {
            File.Copy(Path.Combine(template, file), Path.Combine(root, file), overwrite: true);
        }

        var sources = new StringBuilder();
        for (var s = 0; s < 50; s++)
        {
            sources.Append(CultureInfo.InvariantCulture, $"- key: source-{s}\n  authors: Author {s}, et al.\n  year: {2000 + s % 25}\n");
            sources.Append(CultureInfo.InvariantCulture, $"  title: Synthetic study number {s}\n  doi: 10.1000/synthetic.{s}\n  verified: verified\n");
        }

        File.WriteAllText(Path.Combine(root, "sources.yml"), sources.ToString());
        Parallel.For(1, count + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            var r = new Random(n);
            File.WriteAllText(Path.Combine(root, "claims", $"synthetic-claim-{n}.md"), Claim(n, r));
        });
        output.WriteLine($"wrote {count} claims to {root}");
        return 0;
    }

    private static string Claim(int n, Random r)
    {
        string Sentence(int words) =>
            string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[r.Next(Words.Length)])) + ".";
        var conditions = Conditions.OrderBy(_ => r.Next()).Take(1 + r.Next(3)).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"---\nid: {new ClaimId(n)}\ntitle: Synthetic claim {n} about {Words[r.Next(Words.Length)]} and {Words[r.Next(Words.Length)]}\n");
        sb.Append(CultureInfo.InvariantCulture, $"kind: finding\nconditions: [{string.Join(", ", conditions)}]\nevidence: {Levels[r.Next(Levels.Length)]}\n");
        sb.Append(CultureInfo.InvariantCulture, $"level_reasoning: {Sentence(14)}\narticle_quote: \"{Sentence(10)}\"\n");
        var first = r.Next(50);
        sb.Append(CultureInfo.InvariantCulture, $"sources: [source-{first}, source-{(first + 1 + r.Next(49)) % 50}]\n");
        sb.Append(CultureInfo.InvariantCulture, $"reviewed: 2026-{1 + r.Next(12):00}-{1 + r.Next(28):00}\n---\n");
        sb.Append(CultureInfo.InvariantCulture, $"{Sentence(25)} {Sentence(20)}\n\n## Evidence\n\n{Sentence(30)} {Sentence(30)} {Sentence(25)}\n\n{Sentence(25)}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"## Caveats\n\n- {Sentence(15)}\n- {Sentence(12)}\n- {Sentence(10)}\n\n## What would change this\n\n{Sentence(15)}\n");
        return sb.ToString();
    }
}
