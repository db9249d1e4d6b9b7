using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Commands;

namespace MicrobiomePain.Tests.Commands;

/// <summary>`strength`, as the outside check calls it: the real app as a process, on fixtures the project writes itself.</summary>
public sealed class StrengthCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Commands", "Fixtures", name);

    [Fact]
    public async Task Strength_writes_one_JSON_line_per_sentence_in_order_and_nothing_else_on_standard_output()
    {
        await using var app = AppProcess.Start(["strength", Fixture("strength-sentences.jsonl")]);
        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = app.StandardOutput.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([3, 2, 1, 0], lines.Select(l => l.GetProperty("relation").GetInt32()));
        Assert.Equal(["direct causal", "conditional causal", "correlational", "no relationship"], lines.Select(l => l.GetProperty("relation_name").GetString()));
        Assert.Equal("may", lines[1].GetProperty("hedging").GetString());
        Assert.Contains(lines[1].GetProperty("cues").EnumerateArray(), c => c.GetProperty("text").GetString() == "may" && c.GetProperty("start").GetInt32() == 11);
        Assert.Empty(app.StandardError);
    }

    [Fact]
    public async Task A_bad_line_is_an_error_naming_its_line_number_with_nothing_on_standard_output()
    {
        var file = Path.Combine(Path.GetTempPath(), $"strength-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, "{\"sentence\": \"Fibre reduces pain.\"}\n{\"sentence\": 3}\nnot json\n", TestContext.Current.CancellationToken);
        await using var app = AppProcess.Start(["strength", file]);

        Assert.Equal(1, await app.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(app.StandardOutput);
        Assert.Contains($"{file}:2: error:", app.StandardError, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: error:", app.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", app.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_prints_accuracy_macro_F1_per_class_F1_and_the_confusion_matrix()
    {
        var (code, output) = await AppProcess.RunAsync("strength", "--score", Fixture("strength-labelled.jsonl"));

        Assert.Equal(0, code);
        Assert.Contains("relation (InSciOut conventions), all sentences: n=5 accuracy=0.800 macro-F1=", output, StringComparison.Ordinal);
        Assert.Contains("per-class F1: 0 none 1.000, 1 correlational 0.667, 2 conditional 1.000, 3 direct 0.667", output, StringComparison.Ordinal);
        Assert.Contains("confusion matrix (rows: expert label, columns: rule)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("strenght")]
    [InlineData("strength")]
    public async Task An_unknown_command_or_a_wrong_call_is_a_usage_error_and_never_starts_the_server(string command)
    {
        var (code, output) = await AppProcess.RunAsync(command);

        Assert.Equal(2, code);
        Assert.Contains("usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void The_PubMed_codes_are_mapped_to_InSciOuts_explicitly(int pubMed, int inSciOut) =>
        Assert.Equal(inSciOut, LabelledSentences.FromPubMed(pubMed));
}
