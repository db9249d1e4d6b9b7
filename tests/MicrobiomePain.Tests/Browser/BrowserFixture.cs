using System.Net;
using MicrobiomePain.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MicrobiomePain.Tests.Browser;

/// <summary>
/// One app for the browser tests of the in-memory app (the run's one <see cref="Chromium"/> drives it): the app (a copy of the shipped content) listens on a real
/// loopback port, because a browser cannot reach the in-memory test server.
/// </summary>
public sealed class BrowserFixture(Chromium chromium) : IAsyncLifetime
{
    private TestApp? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The first claim of the shipped content's list, so tests follow the content as it grows.</summary>
    public string SampleClaimPath { get; private set; } = "/claims";

    /// <summary>One URL for each type of page a reader can land on.</summary>
    public string PathOf(string pageType) => pageType switch
    {
        "home" => "/",
        "list" => "/claims",
        "list-empty" => "/claims?evidence=speculative&min=human-trial",
        "claim" => SampleClaimPath,
        "map" => "/map",
        "conditions" => "/conditions",
        "condition" => "/conditions/fibromyalgia",
        "evidence" => "/evidence",
        "404" => "/no-such-page",
        "400" => "/claims?evidence=no-such-level",
        "search" => "/claims?q=probiotic",
        "article" => "/article",
        "sources" => "/sources",
        "about" => "/about",
        "changes" => "/changes",
        // A claim whose travel chain quotes the feature and whose history has two entries.
        "travel-claim" => "/claims/lesion-result-implies-pain-effect",
        "method" => "/evidence/method",
        "map-certainty" => "/map?view=certainty",
        "claim-graded-animals" => "/claims/metronidazole-endometriosis-lesions-mice",
        "list-by-certainty" => "/claims?certainty=very-low&sort=overstatement",
        _ => throw new ArgumentOutOfRangeException(nameof(pageType), pageType, null),
    };

    public static TheoryData<string> PageTypes { get; } =
        ["home", "list", "list-empty", "claim", "map", "conditions", "condition", "evidence", "404", "400", "search", "article", "sources", "about",
         "changes", "travel-claim", "method", "map-certainty", "claim-graded-animals", "list-by-certainty"];

    public Chromium Chromium => chromium;

    public async ValueTask InitializeAsync()
    {
        if (Chromium.Unavailable is not null)
        {
            return;
        }

        _app = new TestApp(TestContent.CopyOfShipped());
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var list = await http.GetStringAsync(new Uri("/claims", UriKind.Relative));
        SampleClaimPath = "/claims/" + Html.ListedSlugs(list)[0];
    }

    /// <summary>The options of a fresh context on this app, at the given width and scheme.</summary>
    public BrowserNewContextOptions Options(int width = 1280, ColorScheme scheme = ColorScheme.Light) => new()
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = width, Height = 900 },
        ColorScheme = scheme,
    };

    /// <summary>A fresh page (own context, so no shared history or focus) at the given width.</summary>
    public Task<IPage> NewPageAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light) => chromium.NewPageAsync(Options(width, scheme));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

// Browser tests run on their own, after the parallel HTTP tests: on a 2-core machine, sharing the CPU with
// hundreds of concurrent requests made keyboard navigation time out now and then.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

// The axe checks of every claim page run beside the parallel HTTP tests, on an app of their own: they wait on nothing
// timed (no keyboard steps), and the parallel phase leaves about half of the two cores idle (a fresh-clone .ci/run took
// 5 min 38 s of CPU in 5 min 40 s: one core's worth), so running them alone at the end cost their whole time again.
[CollectionDefinition(Name)]
public sealed class AccessibilityTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Accessibility";
}
