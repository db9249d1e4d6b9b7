using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Grading;

namespace MicrobiomePain.Web.Commands;

/// <summary>
/// `dotnet run --project src/MicrobiomePain.Web -- grades [content-dir]`: every claim's kind, certainty or verdict,
/// domains rated down and overstatement, as a Markdown table, from the same check that builds the store (docs/certainty.md).
/// </summary>
public static class GradeReport
{
    public static int Write(string contentDirectory, TextWriter output)
    {
        var read = ContentReader.Read(contentDirectory);
        if (!read.Succeeded)
        {
            foreach (var d in read.Diagnostics.Where(d => d.IsError))
            {
                output.WriteLine(d.ToString());
            }

            return 1;
        }

        var content = read.Content!;
        output.WriteLine($"rule {CertaintyRule.Version}");
        output.WriteLine("| claim | kind | certainty or verdict | domains rated down | overstatement | panels' grades |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var claim in content.Claims)
        {
            var panels = string.Join("; ", claim.Grading.PanelGrades.Select(p => $"{p.Panel}: {p.Grade} ({p.Verified})"));
            if (claim.Grading.Verdict is { } verdict)
            {
                output.WriteLine($"| {claim.Id} {claim.Slug} | {claim.Kind} | verdict: {verdict.Rating} | – | not counted | {panels} |");
                continue;
            }

            if (content.Gradings?.GetValueOrDefault(claim.Id) is not { } grading)
            {
                output.WriteLine($"| {claim.Id} {claim.Slug} | {claim.Kind} | not graded | – | – | {panels} |");
                continue;
            }

            var down = grading.Grade.Domains.Where(d => d.Steps > 0).Select(d => $"{d.Domain} {d.Steps}").ToList();
            output.WriteLine($"| {claim.Id} {claim.Slug} | {claim.Kind} | {GradingVocabulary.Slug(grading.Grade.Certainty)} | {(down.Count == 0 ? "–" : string.Join(", ", down))} | {grading.Overstatement.Steps} | {panels} |");
        }

        return 0;
    }
}
