using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MicrobiomePain.Tests.Support;

/// <summary>The real app as a separate process (the test build's MicrobiomePain.Web.dll), as an operator runs it.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _stderr.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "MicrobiomePain.Web.dll");

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public string StandardError => string.Join('\n', _stderr);

    public int Id => _process.Id;

    public static AppProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(Dll, args, environment);

    /// <summary>Starts the app from the given MicrobiomePain.Web.dll (e.g. a published copy), by default in the folder that holds it.</summary>
    public static AppProcess Start(
        string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>Runs a command of the app (validate, build-store, …) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var app = Start(args);
        var code = await app.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (code, string.Join('\n', app.StandardOutput) + "\n" + app.StandardError);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits for Kestrel's "Now listening on" line (plain or JSON logs) and returns the address.</summary>
    public async Task<Uri> ListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_stdout.Select(l => ListeningLine().Match(l)).FirstOrDefault(m => m.Success) is { } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(_process.HasExited, $"The app exited with code {(_process.HasExited ? _process.ExitCode : 0)}:\n{StandardError}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The app did not start listening within 60 s.");
    }

    /// <summary>Asks the app to stop as an orchestrator does (SIGTERM).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://[0-9.:\[\]]+)")]
    private static partial Regex ListeningLine();
}
