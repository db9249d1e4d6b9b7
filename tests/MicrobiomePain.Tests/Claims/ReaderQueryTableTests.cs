using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Api;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Claims;

/// <summary>
/// The reader query table (<see cref="ReaderQueries"/>) asked of the shipped content through /api/claims?q=, which gives
/// the list page's results in the page's order. The test prints the report (every query, its top five, and the totals):
/// <c>dotnet test --filter "FullyQualifiedName~ReaderQueryTable" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ReaderQueryTableTests(ShippedFixture fixture, ITestOutputHelper output) : IClassFixture<ShippedFixture>
{
    private const int Top = 5;

    [Fact]
    public async Task Nine_in_ten_reader_queries_put_a_right_claim_in_the_top_five_and_none_finds_nothing()
    {
        using var client = fixture.App.NewClient();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var report = new StringBuilder();
        var (found, empty) = (0, new List<string>());
        report.AppendLine("| kind | query | results | top 5 | right claim in top 5 |").AppendLine("|---|---|---:|---|---|");
        foreach (var query in ReaderQueries.All)
        {
            var page = await client.GetFromJsonAsync<ClaimListResponse>(new Uri("/api/claims?q=" + Uri.EscapeDataString(query.Text), UriKind.Relative), json, Ct);
            var top = page!.Items.Take(Top).Select(i => i.Slug).ToList();
            var hit = top.Intersect(query.RightClaims).Any();
            found += hit ? 1 : 0;
            if (page.Total == 0)
            {
                empty.Add(query.Text);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"| {query.Kind} | {query.Text} | {page.Total} | {string.Join(", ", top)} | {(hit ? "yes" : "NO")} |");
        }

        var share = (double)found / ReaderQueries.All.Count;
        report.AppendLine(CultureInfo.InvariantCulture, $"\n{found} of {ReaderQueries.All.Count} queries ({share:P0}) put a right claim in the top {Top}; {empty.Count} found nothing{(empty.Count > 0 ? ": " + string.Join("; ", empty) : "")}.");
        output.WriteLine(report.ToString());

        Assert.True(ReaderQueries.All.Count >= 30, "the table holds at least 30 queries");
        Assert.True(share >= 0.9, $"{found} of {ReaderQueries.All.Count} queries put a right claim in the top {Top}");
        Assert.Empty(empty);
    }

    [Fact]
    public void Every_right_claim_of_the_table_is_a_shipped_claim()
    {
        var slugs = fixture.Content.Claims.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReaderQueries.All.SelectMany(q => q.RightClaims), slug => Assert.Contains(slug, slugs));
    }
}
