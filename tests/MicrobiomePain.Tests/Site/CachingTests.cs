using System.Net;
using System.Net.Http.Headers;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Commands;
using MicrobiomePain.Web.Operations;
using MicrobiomePain.Web.Site;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Site;

public sealed class CachingTests
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_exports_are_compressed_when_the_client_accepts_it(string encoding)
    {
        await using var app = TestApp.With(Enumerable.Range(1, 10).Select(n => new TestClaim(n, $"c-{n}")).ToArray());
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var url in new[] { "/claims", "/api/claims", "/claims.csv", "/feed.atom" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task A_second_request_for_a_page_is_served_from_the_output_cache()
    {
        // The framework's store, counted: a repeat must be a hit on an entry the first request stored, so the test fails
        // when the output cache stores nothing (a policy that never stores, a key that never matches), not only when a header is missing.
        // StoredAnswers is taken out, so the repeat reaches the output cache (the test below covers the answers in front of it).
        var cache = new CountingOutputCacheStore();
        await using var app = TestApp.With(new TestClaim(1, "one")).WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            cache.Install(services);
            services.RemoveAll<StoredAnswers>();
        }));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var first = await client.GetStringAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);
        Assert.Equal(1, cache.Stored);
        var second = await client.GetAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);

        Assert.Equal(first, await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Stored);
        Assert.True(second.Headers.Age is not null, "a cached response carries an Age header");
        var other = await client.GetAsync(new Uri("/claims?evidence=human-trial", UriKind.Relative), Ct);
        Assert.Null(other.Headers.Age);
        Assert.Equal(2, cache.Stored);
    }

    [Fact]
    public async Task A_repeated_request_gets_the_first_answers_headers_and_bytes_and_a_new_content_version_its_own()
    {
        await using var app = TestApp.With(Enumerable.Range(1, 3).Select(n => new TestClaim(n, $"c-{n}")).ToArray());
        using var client = app.NewClient();

        foreach (var encoding in new[] { "br", "gzip", null })
        {
            var answers = new List<(string Headers, byte[] Body)>();
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/claims?evidence=animal-study", UriKind.Relative));
                if (encoding is not null)
                {
                    request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                }

                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // Date is the server's, Age grows; a first answer is streamed without a length, repeats carry theirs.
                if (i > 0)
                {
                    Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync(Ct)).Length);
                }

                var headers = response.Headers.Concat(response.Content.Headers)
                    .Where(h => h.Key is not ("Date" or "Age" or "Content-Length"))
                    .OrderBy(h => h.Key, StringComparer.Ordinal)
                    .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
                answers.Add((string.Join("\n", headers), await response.Content.ReadAsByteArrayAsync(Ct)));
            }

            Assert.Contains("Content-Security-Policy", answers[0].Headers, StringComparison.Ordinal);
            Assert.Contains("ETag", answers[0].Headers, StringComparison.Ordinal);
            Assert.All(answers.Skip(1), a => Assert.Equal(answers[0].Headers, a.Headers));
            Assert.All(answers.Skip(1), a => Assert.Equal(answers[0].Body, a.Body));
        }

        var store = app.Services.GetRequiredService<ClaimStore>();
        var before = store.Current;
        TestContent.WriteClaim(app.ContentPath, new TestClaim(4, "c-4"));
        store.Refresh();
        Assert.NotSame(before, store.Current);
        var list = await client.GetStringAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);
        Assert.Contains("/claims/c-4", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_is_answered_in_front_of_authentication_and_a_new_url_still_goes_through_it()
    {
        // WebApplication puts routing, authentication and authorization in front of every middleware unless Program.cs places
        // them; Program.cs places them behind the stored answers. Authentication resolves its handler provider once per request
        // it sees, so counting resolutions shows which requests reached it.
        var resolved = 0;
        await using var factory = TestApp.With(new TestClaim(1, "one"), new TestClaim(2, "two")).WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<IAuthenticationHandlerProvider>(sp =>
            {
                Interlocked.Increment(ref resolved);
                return new AuthenticationHandlerProvider(sp.GetRequiredService<IAuthenticationSchemeProvider>());
            })));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var first = await client.GetAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var afterFirst = Volatile.Read(ref resolved);
        Assert.True(afterFirst >= 1, "the first request went through authentication");

        for (var i = 0; i < 3; i++)
        {
            using var repeat = await client.GetAsync(new Uri("/claims?evidence=animal-study", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await repeat.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(afterFirst, Volatile.Read(ref resolved));

        using var other = await client.GetAsync(new Uri("/claims/two", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.True(Volatile.Read(ref resolved) > afterFirst, "a URL not answered before goes the whole way");
        using var missing = await client.GetAsync(new Uri("/claims/no-such-claim", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void The_generator_writes_valid_content_of_the_requested_size()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"), "content");
        using var output = new StringWriter();

        Assert.Equal(0, AppCommands.TryRun(["generate", "120", directory], output));
        Assert.Equal(120, Directory.GetFiles(Path.Combine(directory, "claims"), "*.md").Length);
        var result = MicrobiomePain.Web.Content.ContentReader.Read(directory);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(120, result.Content!.Claims.Count);
        var words = File.ReadAllText(Path.Combine(directory, "claims", "synthetic-claim-7.md")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 180, 320);
    }
}
