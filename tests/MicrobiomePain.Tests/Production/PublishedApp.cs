using System.Diagnostics;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Production;

/// <summary>
/// The app as it ships: `dotnet publish -c Release -r linux-x64 --self-contained false` (the Dockerfile's publish, for this
/// machine's platform), started as its own process in Production on a loopback port, with its own copy of the shipped
/// content and its own store folder. No WebApplicationFactory and no development-time static-asset provider: the static
/// assets are the published wwwroot with its precompressed .br and .gz files, exactly what a container serves.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private AppProcess? _process;

    public Uri BaseAddress { get; private set; } = null!;

    public string PublishDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"), "published");

    public async ValueTask InitializeAsync()
    {
        var repository = Path.GetDirectoryName(TestContent.Shipped())!;
        await PublishAsync(repository);
        var content = TestContent.CopyOfShipped(Path.Combine(Path.GetDirectoryName(PublishDirectory)!, "content"));
        // Started from another folder than the publish (as a shell elsewhere or a systemd unit without WorkingDirectory
        // does): the app must still serve its own wwwroot; it once answered every asset with an empty 200 from here.
        _process = AppProcess.Start(Path.Combine(PublishDirectory, "MicrobiomePain.Web.dll"), ["--urls=http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Store__ContentPath"] = content,
            ["Store__StoreDirectory"] = Path.Combine(Path.GetDirectoryName(PublishDirectory)!, "store"),
        }, workingDirectory: Path.GetDirectoryName(PublishDirectory));
        BaseAddress = await _process.ListeningAsync();
    }

    /// <summary>Every type of page a reader lands on (all 200s), given the slug of a shipped claim.</summary>
    public static IReadOnlyList<string> ReaderPages(string claimSlug) =>
    [
        "/", "/claims", "/claims?evidence=animal-study", "/claims?condition=fibromyalgia&min=human-observational&sort=article",
        "/claims?q=probiotic", $"/claims/{claimSlug}", "/map", "/article", "/sources", "/conditions", "/conditions/fibromyalgia",
        "/evidence", "/about", "/changes", "/evidence/method", "/map?view=certainty",
    ];

    /// <summary>
    /// Every type of page a reader lands on with the status it answers: <see cref="ReaderPages"/>, an empty list, a list by
    /// certainty, and the 404 and 400 pages (each claim page is checked on its own by AccessibilityTests).
    /// </summary>
    public static IReadOnlyList<(string Path, int Status)> PageTypes(string claimSlug) =>
    [
        .. ReaderPages(claimSlug).Select(path => (path, 200)),
        ("/claims?evidence=speculative&min=human-trial", 200), ("/claims?certainty=very-low&sort=overstatement", 200),
        ("/no-such-page", 404), ("/claims?evidence=no-such-level", 400),
    ];

    /// <summary>What the process wrote to standard error (empty when all is well).</summary>
    public string StandardError => _process?.StandardError ?? "";

    /// <summary>Log lines at Error or above (JSON logs outside Development).</summary>
    public IReadOnlyList<string> ErrorLogLines =>
        _process?.StandardOutput.Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)).ToList() ?? [];

    private async Task PublishAsync(string repository)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = repository,
        };
        foreach (var arg in new[]
        {
            "publish", Path.Combine("src", "MicrobiomePain.Web"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-o", PublishDirectory, "-nologo", "-v", "quiet",
            // The analyzers ran on this code in the test build; without them the publish writes the same
            // MicrobiomePain.Web.dll, byte for byte, with ~14 % less CPU (docs/performance.md, "The test suite on a
            // fresh clone": the publish without analyzers).
            "-p:RunAnalyzers=false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        Assert.True(File.Exists(Path.Combine(PublishDirectory, "wwwroot", "css", "site.css.br")), "the publish lays out precompressed assets");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(Path.GetDirectoryName(PublishDirectory)!, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>One published app for every test of what ships; they run after the parallel tests, on their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedAppGroup : ICollectionFixture<PublishedApp>
{
    public const string Name = "Published app";
}
