using System.Globalization;
using System.Text;

namespace MicrobiomePain.Tests.Support;

/// <summary>A claim to write into a test content folder; defaults make a valid claim.</summary>
public sealed record TestClaim(
    int Number,
    string Slug,
    string Level = "animal-study",
    string[]? Conditions = null,
    string? Title = null,
    string Reviewed = "2026-11-01",
    string[]? Aliases = null,
    string[]? Sources = null,
    string? Kind = null);

/// <summary>Writes small, valid content folders so each test controls exactly what the store holds.</summary>
public static class TestContent
{
    public const string Levels = """
        - slug: speculative
          name: Speculative
          rank: 1
          symbol: "○"
          description: Not tested as worded.
          move_up: Any direct experiment.
        - slug: animal-study
          name: Animal study
          rank: 2
          symbol: "◔"
          description: Shown in animals.
          move_up: A study in people.
        - slug: human-observational
          name: Human observational
          rank: 3
          symbol: "◑"
          description: Seen in people without intervention.
          move_up: A randomised trial.
        - slug: human-trial
          name: Human trial
          rank: 4
          symbol: "●"
          description: Tested in randomised trials.
          move_up: Larger trials that agree.
        """;

    public const string Conditions = """
        - slug: fibromyalgia
          name: Fibromyalgia
          description: Widespread pain.
        - slug: endometriosis
          name: Endometriosis
          description: Lesions outside the womb.
        - slug: visceral-pain
          name: Visceral pain
          description: Pain from internal organs.
        """;

    public const string Kinds = """
        - slug: finding
          name: Finding
          description: Says what affects what.
        - slug: uncertainty
          name: Uncertainty
          description: Says what is not known.
        - slug: forecast
          name: Forecast
          description: Foresees what research will bring.
        - slug: advice
          name: Advice
          description: Tells the reader what to do.
        """;

    public const string Sources = """
        - key: study-a
          authors: Author A
          year: 2020
          title: Study A
          doi: 10.1000/a.1
          pmid: "12345"
          verified: verified
        - key: study-b
          authors: Author B
          year: 2021
          title: Study B
          doi: 10.1000/b.2
          verified: partly-verified
          unverified: [doi]
        """;

    public static string ClaimMarkdown(TestClaim c)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append(CultureInfo.InvariantCulture, $"id: C{c.Number}\n");
        sb.Append(CultureInfo.InvariantCulture, $"title: {c.Title ?? $"Claim number {c.Number}"}\n");
        if (c.Kind is { } kind)
        {
            sb.Append(CultureInfo.InvariantCulture, $"kind: {kind}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"conditions: [{string.Join(", ", c.Conditions ?? ["fibromyalgia"])}]\n");
        sb.Append(CultureInfo.InvariantCulture, $"evidence: {c.Level}\n");
        sb.Append("level_reasoning: Because the tests say so.\n");
        sb.Append(CultureInfo.InvariantCulture, $"article_quote: \"Quote {c.Number}.\"\n");
        if (c.Aliases is { Length: > 0 } aliases)
        {
            sb.Append(CultureInfo.InvariantCulture, $"aliases: [{string.Join(", ", aliases)}]\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"sources: [{string.Join(", ", c.Sources ?? ["study-a"])}]\n");
        sb.Append(CultureInfo.InvariantCulture, $"reviewed: {c.Reviewed}\n");
        sb.Append("---\n");
        sb.Append(CultureInfo.InvariantCulture, $"Summary of claim {c.Number}.\n\n## Evidence\n\nWhat study A did.\n\n## Caveats\n\n- First caveat of {c.Number}.\n- Second caveat.\n");
        return sb.ToString();
    }

    /// <summary>Creates a new temporary content folder with the given claims and returns its path.</summary>
    public static string Create(IEnumerable<TestClaim> claims)
    {
        var root = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Path.Combine(root, "claims"));
        File.WriteAllText(Path.Combine(root, "evidence-levels.yml"), Levels);
        File.WriteAllText(Path.Combine(root, "conditions.yml"), Conditions);
        File.WriteAllText(Path.Combine(root, "sources.yml"), Sources);
        File.WriteAllText(Path.Combine(root, "kinds.yml"), Kinds);
        foreach (var claim in claims)
        {
            WriteClaim(root, claim);
        }

        return root;
    }

    /// <summary>
    /// An article.md: a front matter recording one sentence per claim id (each quoting that claim, in one section) and
    /// the given Markdown body.
    /// </summary>
    public static string Article(string body, params string[] claimIds)
    {
        var sb = new StringBuilder("---\nsections:\n  - heading: The test article\n    sentences:\n");
        foreach (var (id, i) in claimIds.Select((id, i) => (id, i + 1)))
        {
            sb.Append(CultureInfo.InvariantCulture, $"      - at: 1.{i}\n        opens: Sentence {i}\n        claims: [{id}]\n");
        }

        return sb.Append("---\n").Append(body).ToString();
    }

    public static void WriteClaim(string root, TestClaim claim) =>
        File.WriteAllText(Path.Combine(root, "claims", claim.Slug + ".md"), ClaimMarkdown(claim));

    /// <summary>The repository's content, copied so the store is built next to the copy, never inside the repository.</summary>
    public static string CopyOfShipped(string? target = null)
    {
        var source = Shipped();
        target ??= Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"), "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>The repository's own content folder, found by walking up from the test binaries.</summary>
    public static string Shipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(dir.FullName, "MicrobiomePain.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("repository content/ not found above " + AppContext.BaseDirectory);
    }
}
