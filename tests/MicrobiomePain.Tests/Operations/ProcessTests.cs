using System.Text.Json;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Operations;

/// <summary>What an operator sees of the running process: its log lines and how it stops.</summary>
public sealed class ProcessTests
{
    private static Dictionary<string, string> Production(string content) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Store__ContentPath"] = content,
        ["Store__StoreDirectory"] = Path.Combine(Path.GetDirectoryName(content)!, "store"),
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        // Request logs are off by default (Warning); turn them on to see the request scope they are written in.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    [Fact]
    public async Task Outside_Development_every_log_line_is_json_and_request_logs_carry_the_request_and_trace_ids()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        await using var app = AppProcess.Start([], Production(content));
        var address = await app.ListeningAsync();
        using var http = new HttpClient { BaseAddress = address };

        using var response = await http.GetAsync(new Uri("/claims/one", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        await Eventually.Holds(() => app.StandardOutput.Any(l => l.Contains("Request finished", StringComparison.Ordinal)), "the request is logged", TimeSpan.FromSeconds(20));

        var entries = app.StandardOutput.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _)));
        var finished = entries.First(e => e.GetProperty("Message").GetString()!.Contains("Request finished", StringComparison.Ordinal));
        var scopes = finished.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("RequestId", out var id) && id.GetString() is { Length: > 0 });
        Assert.Contains(scopes, s => s.TryGetProperty("TraceId", out var id) && id.GetString() is { Length: 32 });
        Assert.Contains(scopes, s => s.TryGetProperty("RequestPath", out var path) && path.GetString() == "/claims/one");
    }

    [Fact]
    public async Task On_SIGTERM_the_app_finishes_its_shutdown_and_exits_0()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        await using var app = AppProcess.Start([], Production(content));
        var address = await app.ListeningAsync();
        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        app.Terminate();
        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, code);
        Assert.Contains(app.StandardOutput, l => l.Contains("Application is shutting down", StringComparison.Ordinal));
    }
}
