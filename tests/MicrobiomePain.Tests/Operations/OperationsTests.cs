using System.Net;
using System.Text.Json;
using MicrobiomePain.Tests.Support;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Operations;

public sealed class OperationsTests
{
    [Fact]
    public async Task Healthz_reports_liveness_with_the_store_version_and_claim_count()
    {
        await using var app = TestApp.With(new TestClaim(1, "one"), new TestClaim(2, "two"));
        using var client = app.NewClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("store").GetProperty("claims").GetInt32());
        Assert.Matches("^[0-9a-f]{12}$", body.RootElement.GetProperty("store").GetProperty("version").GetString()!);
    }

    [Fact]
    public async Task The_json_api_is_rate_limited_with_429_and_retry_after_but_pages_are_not()
    {
        await using var app = TestApp.With(new TestClaim(1, "one"));
        app.Settings["Operations:ApiRequestsPerMinute"] = "3";
        using var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync(new Uri("/api/claims", UriKind.Relative), Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/claims", UriKind.Relative), Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_claim_page_carries_the_security_headers()
    {
        await using var app = TestApp.With(new TestClaim(1, "one"));
        using var client = app.NewClient();

        var response = await client.GetAsync(new Uri("/claims/one", UriKind.Relative), Ct);
        string Header(string name) => Assert.Single(response.Headers.GetValues(name));

        Assert.Contains("default-src 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }
}
