using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Commands;
using Microsoft.Data.Sqlite;

namespace MicrobiomePain.Tests.Commands;

/// <summary>The batch build tool (src/MicrobiomePain.Build): the app's commands under batch runtime settings.</summary>
public sealed class BuildToolTests
{
    private static string ToolDll => Path.Combine(AppContext.BaseDirectory, "MicrobiomePain.Build.dll");

    [Fact]
    public void The_tool_runs_without_dynamic_PGO_and_the_server_keeps_it()
    {
        static JsonElement Properties(string name) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, name))).RootElement
                .GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(Properties("MicrobiomePain.Build.runtimeconfig.json").GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(Properties("MicrobiomePain.Web.runtimeconfig.json").TryGetProperty("System.Runtime.TieredPGO", out _));
    }

    [Fact]
    public async Task The_tool_builds_the_store_the_app_builds_and_reports_bad_content_and_usage_as_the_app_does()
    {
        var root = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"));
        var content = Path.Combine(root, "content");
        Assert.Equal(0, AppCommands.TryRun(["generate", "60", content], TextWriter.Null));

        var (code, output) = await RunToolAsync("build-store", content, Path.Combine(root, "tool"));
        Assert.True(code == 0, output);
        Assert.Equal(0, AppCommands.TryRun(["build-store", content, Path.Combine(root, "app")], TextWriter.Null));

        // Same content version (the file name carries the content hash) and the same rows; only built_at differs.
        var toolStore = Assert.Single(Directory.GetFiles(Path.Combine(root, "tool"), "*.db"));
        var appStore = Assert.Single(Directory.GetFiles(Path.Combine(root, "app"), "*.db"));
        Assert.Equal(Path.GetFileName(appStore), Path.GetFileName(toolStore));
        Assert.Equal(Rows(appStore), Rows(toolStore));

        File.WriteAllText(Path.Combine(content, "claims", "synthetic-claim-1.md"), "---\nid: [unclosed\n---\nA claim whose front matter does not parse.\n");
        var (badCode, badOutput) = await RunToolAsync("validate", content);
        Assert.Equal(1, badCode);
        Assert.Contains("synthetic-claim-1.md:", badOutput, StringComparison.Ordinal);

        var (usageCode, usage) = await RunToolAsync("serve");
        Assert.Equal(2, usageCode);
        Assert.Contains("usage: MicrobiomePain.Build build-store", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_outside_the_repository_takes_levels_and_conditions_from_Store__ContentPath_and_says_when_it_cannot()
    {
        // A working directory outside the repository: the template comes from Store__ContentPath, not from a search.
        var root = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"));
        var template = Path.Combine(root, "template");
        Directory.CreateDirectory(template);
        File.Copy(Path.Combine(TestContent.Shipped(), "evidence-levels.yml"), Path.Combine(template, "evidence-levels.yml"));
        File.Copy(Path.Combine(TestContent.Shipped(), "kinds.yml"), Path.Combine(template, "kinds.yml"));
        var conditions = "# the template's own copy\n" + File.ReadAllText(Path.Combine(TestContent.Shipped(), "conditions.yml"));
        File.WriteAllText(Path.Combine(template, "conditions.yml"), conditions);

        var (code, output) = await RunToolInAsync(root, new() { ["Store__ContentPath"] = template }, "generate", "5", "out");
        Assert.True(code == 0, output);
        Assert.Equal(conditions, File.ReadAllText(Path.Combine(root, "out", "conditions.yml")));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(root, "out", "claims"), "*.md").Length);
        Assert.Equal(0, AppCommands.TryRun(["validate", Path.Combine(root, "out")], TextWriter.Null));

        // A folder without the files: one line that names the missing file and the setting, exit 1, no stack trace.
        var empty = Path.Combine(root, "empty");
        Directory.CreateDirectory(empty);
        (code, output) = await RunToolInAsync(root, new() { ["Store__ContentPath"] = empty }, "generate", "5", "out2");
        Assert.Equal(1, code);
        Assert.Contains($"error: {Path.Combine(empty, "evidence-levels.yml")} not found", output, StringComparison.Ordinal);
        Assert.Contains("Store__ContentPath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "out2")));

        // Wrong arguments are a usage error, not a request to serve.
        (code, output) = await RunToolInAsync(root, [], "generate", "many", "out3");
        Assert.Equal(2, code);
        Assert.Contains("usage: generate <count> <dir>", output, StringComparison.Ordinal);
        Assert.Equal(2, AppCommands.TryRun(["generate", "0", "out3"], TextWriter.Null));
        Assert.Equal(2, AppCommands.TryRun(["build-store", "content"], TextWriter.Null));
    }

    private static Task<(int ExitCode, string Output)> RunToolAsync(params string[] args) =>
        RunToolInAsync(null, [], args);

    private static async Task<(int ExitCode, string Output)> RunToolInAsync(
        string? workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        await using var tool = AppProcess.Start(ToolDll, args, environment, workingDirectory);
        var code = await tool.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (code, string.Join('\n', tool.StandardOutput) + "\n" + tool.StandardError);
    }

    /// <summary>Every row of every table as text, in a fixed order, apart from the build time.</summary>
    private static List<string> Rows(string store)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToList();
                rows.Add($"{table}: {string.Join(" | ", values)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows.Where(r => !r.Contains("built_at", StringComparison.Ordinal)).ToList();
    }
}
