using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicrobiomePain.Tests.Support;

/// <summary>
/// The real app over HTTP, with its own content folder and its own store directory, in the Production
/// environment so error handling is what readers get.
/// </summary>
public sealed class TestApp(string contentPath) : WebApplicationFactory<Program>
{
    public string ContentPath { get; } = contentPath;

    public string StoreDirectory { get; } = Path.Combine(Path.GetDirectoryName(contentPath)!, "store");

    public static TestApp With(params TestClaim[] claims) => new(TestContent.Create(claims));

    /// <summary>The hosting environment; Production unless a test needs Development-only features (live reload, /dev/status).</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>Extra configuration for this app (set before the first request).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);

        builder.UseSetting("Store:ContentPath", ContentPath);
        builder.UseSetting("Store:StoreDirectory", StoreDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
