using System.Net;
using System.Net.Sockets;
using System.Text;
using MicrobiomePain.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Operations;

/// <summary>
/// Whatever a visitor sends, the answer is 2xx, 3xx or 4xx with no internals: never a 5xx, never a stack trace.
/// The app runs in Production on real Kestrel so server limits (URL, header size, bad bytes) are part of the test.
/// </summary>
public sealed class HostileRequestTests : IClassFixture<HostileRequestTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            App = TestApp.With(new TestClaim(1, "one", Aliases: ["old-one"]), new TestClaim(2, "two", "human-trial", ["endometriosis"]));
            App.Settings["Operations:ApiRequestsPerMinute"] = "100000";
            App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            App.StartServer();
            Address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
        }

        public TestApp App { get; }

        public Uri Address { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            App.Dispose();
        }
    }

    private static readonly string[] ListEndpoints = ["/claims", "/api/claims", "/claims.csv", "/feed.atom"];
    private static readonly string[] Parameters = ["condition", "evidence", "min", "sort", "page", "q"];

    private static readonly string[] HostileValues =
    [
        "'; DROP TABLE claims;--", "\" OR 1=1 --", "NEAR(a b)", "*", "a AND b OR NOT c", "title:x", "^start", "-minus",
        "%00", "%FF%FE", "%C0%AF", "%07%1B", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new string('a', 5000),
        "-1", "0", "99999999999999999999", "1e3", "0x10", "%20", "%25", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "\u00e9",
    ];

    private static readonly string[] OddPaths =
    [
        "/claims/..%2F..%2Fetc%2Fpasswd", "/claims/%00", "/claims/" + new string('x', 300), "/claims/UPPER", "/claims/a/b/c",
        "/api/claims/%FF", "/api/claims/" + new string('y', 300), "/conditions/%2e%2e", "/claims//one", "/error/999",
        "/error/abc", "/error/200", "/claims/one/cite.pdf", "/claims/by-id/%27", "/claims/by-id/C99999999999", "/conditions/x/feed.atom",
        "/api", "/api/", "/api/unknown", "/openapi/v2.json", "/css/../../etc/passwd", "/claims.csv/x", "/feed.atom/", "/healthz/x",
        "/claims/old-one", "/claims/one%20", "/%E2%80%AE", "/claims?condition", "/claims?&&&", "/claims?=x", "/claims?condition[]=x",
        "/dev/status", "/dev/status?refresh=1", "/dev", "/dev/../healthz",
    ];

    private static readonly string[] GetPages = ["/", "/claims", "/claims/one", "/map", "/conditions", "/conditions/endometriosis", "/evidence", "/api/claims", "/claims.csv"];

    public static TheoryData<string> HostileUrls()
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in ListEndpoints)
        {
            foreach (var parameter in Parameters)
            {
                foreach (var value in HostileValues)
                {
                    data.Add($"{endpoint}?{parameter}={(value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value))}");
                }
            }

            data.Add(endpoint + "?" + string.Join('&', Enumerable.Range(0, 50).Select(i => $"condition=c{i}")));
            data.Add(endpoint + "?unknown=1&utm_source=x");
        }

        foreach (var path in OddPaths)
        {
            data.Add(path);
        }

        return data;
    }

    public static TheoryData<string, string> OddMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in GetPages)
        {
            foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE" })
            {
                data.Add(method, page);
            }
        }

        return data;
    }

    private readonly Fixture _fixture;

    public HostileRequestTests(Fixture fixture) => _fixture = fixture;

    private static void AssertNoInternals(HttpStatusCode status, string body, string what)
    {
        Assert.True((int)status < 500, $"{what} answered {(int)status}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task A_hostile_url_gets_a_clear_answer_never_a_500(string url)
    {
        using var response = await _fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        AssertNoInternals(response.StatusCode, body, url);
    }

    [Theory]
    [MemberData(nameof(OddMethods))]
    public async Task An_unexpected_method_gets_a_4xx_or_a_normal_answer_never_a_500(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("a=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await _fixture.Client.SendAsync(request, Ct);

        AssertNoInternals(response.StatusCode, await response.Content.ReadAsStringAsync(Ct), $"{method} {url}");
    }

    public static TheoryData<string, string> HostileHeaders => new()
    {
        { "If-None-Match", "garbage" },
        { "If-None-Match", "W/\"" },
        { "If-Modified-Since", "not a date" },
        { "Accept", "application/xml;q=abc" },
        { "Accept-Encoding", "br;q=2, *;q=-1" },
        { "Accept-Language", new string('x', 2000) },
        { "Cookie", new string('=', 3000) },
        { "X-Forwarded-For", "not-an-ip" },
        { "Range", "bytes=999999-0" },
        { "Referer", "javascript:alert(1)" },
    };

    [Theory]
    [MemberData(nameof(HostileHeaders))]
    public async Task A_hostile_header_gets_a_clear_answer_never_a_500(string name, string value)
    {
        foreach (var url in new[] { "/claims", "/claims/one", "/api/claims" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.TryAddWithoutValidation(name, value);
            using var response = await _fixture.Client.SendAsync(request, Ct);

            AssertNoInternals(response.StatusCode, await response.Content.ReadAsStringAsync(Ct), $"{name}: {value[..Math.Min(20, value.Length)]} on {url}");
        }
    }

    /// <summary>Sends raw bytes, so invalid UTF-8, control characters and oversized request lines reach the server as sent.</summary>
    private async Task<int> RawStatus(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_fixture.Address.Host, _fixture.Address.Port, Ct);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request, Ct);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, Ct);
        var head = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 ", head, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", head, StringComparison.Ordinal);
        return int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static TheoryData<string, string> RawRequests => new()
    {
        { "invalid UTF-8 in the path", "GET /claims/\xC3\x28 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "invalid UTF-8 in the query", "GET /claims?q=\xFF\xFE HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "control character in the path", "GET /claims/\x01 HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "space in the target", "GET /claims/a b HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "no host header", "GET /claims HTTP/1.1\r\n\r\n" },
        { "very long URL", $"GET /claims?q={new string('a', 20_000)} HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "very long header", $"GET /claims HTTP/1.1\r\nHost: x\r\nX-Big: {new string('b', 40_000)}\r\n\r\n" },
        { "unknown method", "BREW /claims HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "double slash", "GET //claims HTTP/1.1\r\nHost: x\r\n\r\n" },
        { "absolute-form target", "GET http://evil.example/claims HTTP/1.1\r\nHost: x\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(RawRequests))]
    public async Task A_malformed_raw_request_gets_a_4xx_or_a_normal_answer(string what, string request)
    {
        var status = await RawStatus(Encoding.Latin1.GetBytes(request));

        Assert.True(status < 500, $"{what} answered {status}");
    }

    [Fact]
    public async Task Kestrel_sends_no_server_banner()
    {
        using var response = await _fixture.Client.GetAsync(new Uri("/claims/one", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
    }
}
