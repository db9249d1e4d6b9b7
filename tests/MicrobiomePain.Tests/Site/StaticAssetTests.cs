using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;

namespace MicrobiomePain.Tests.Site;

public sealed partial class StaticAssetTests
{
    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.[a-z0-9]+\\.css)\">")]
    private static partial Regex FingerprintedStylesheet();

    [Fact]
    public async Task The_stylesheet_has_a_fingerprinted_url_cached_for_a_year_and_served_compressed()
    {
        using var app = TestApp.With(new TestClaim(1, "a-claim"));
        using var client = app.NewClient();
        var ct = TestContext.Current.CancellationToken;

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var href = FingerprintedStylesheet().Match(html).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request, ct);

        Assert.NotEqual("", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.True(response.Content.Headers.ContentLength > 500, "the compressed stylesheet should not be empty");
    }

    [Fact]
    public async Task Pages_carry_no_inline_style_or_script_so_the_strict_policy_holds()
    {
        using var app = TestApp.With(new TestClaim(1, "a-claim"), new TestClaim(2, "b-claim", "human-trial"));
        using var client = app.NewClient();

        foreach (var url in new[] { "/", "/claims", "/claims/a-claim", "/map", "/conditions", "/conditions/fibromyalgia", "/evidence", "/nope" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Contains("<h1>", html, StringComparison.Ordinal);
            Assert.DoesNotMatch("<style|\\sstyle=", html);
            // JSON-LD is data, not script: CSP does not execute it, so it is the one allowed inline <script>.
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)(?! type=\"application/ld\\+json\")", html);
            Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", html);
        }
    }
}
