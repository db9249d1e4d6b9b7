using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Site;

/// <summary>Runs the real app process, as `dotnet run` would, to check what an author sees on bad content.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Invalid_content_at_startup_prints_file_line_col_diagnostics_and_exits_1()
    {
        var content = TestContent.Create([new TestClaim(1, "one", "guesswork")]);
        var storeDirectory = Path.Combine(Path.GetDirectoryName(content)!, "store");
        await using var app = AppProcess.Start(["--Store:ContentPath=" + content, "--Store:StoreDirectory=" + storeDirectory, "--urls=http://127.0.0.1:0"]);
        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, code);
        var text = app.StandardError;
        Assert.Contains(Path.Combine(content, "claims", "one.md") + ":5:11: error: unknown evidence level 'guesswork'", text, StringComparison.Ordinal);
        Assert.Contains("1 error(s) in content; no store was built.", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(storeDirectory) && Directory.GetFiles(storeDirectory, "*.db").Length > 0);
    }
}
