using System.Xml.Linq;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using MicrobiomePain.Web.Claims;

namespace MicrobiomePain.Tests.Api;

/// <summary>Exports of more claims than one read batch, and feeds of more claims than a feed carries.</summary>
public sealed class ExportScaleTests : IClassFixture<ExportScaleTests.Fixture>
{
    private const int Claims = ClaimQuery.StreamBatch + 50;

    // Claim 500 is the most recently reviewed; all others share one date.
    public sealed class Fixture() : AppFixture(TestApp.With([.. Enumerable.Range(1, Claims).Select(n =>
            new TestClaim(n, $"claim-{n}", Reviewed: n == 500 ? "2026-11-20" : "2026-11-01"))]));

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client;

    public ExportScaleTests(Fixture fixture) => _client = fixture.App.NewClient();

    [Fact]
    public async Task The_csv_export_streams_every_claim_once_in_order_across_read_batches()
    {
        var csv = await _client.GetStringAsync(new Uri("/claims.csv?sort=article", UriKind.Relative), TestContext.Current.CancellationToken);
        var ids = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).ToList();

        Assert.Equal(Enumerable.Range(1, Claims).Select(n => $"C{n}"), ids);
        Assert.StartsWith("id,slug,title,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_carries_the_most_recently_reviewed_claims_newest_first_up_to_its_limit()
    {
        var feed = XDocument.Parse(await _client.GetStringAsync(new Uri("/feed.atom", UriKind.Relative), TestContext.Current.CancellationToken)).Root!;
        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value.Split('/')[^1]).ToList();

        Assert.Equal(Exports.FeedEntries, ids.Count);
        Assert.Equal("C500", ids[0]);
        Assert.Equal(["C1", "C2", "C3"], ids.Skip(1).Take(3));
        Assert.Equal("2026-11-20T00:00:00Z", feed.Element(Atom + "updated")!.Value);
    }
}
