using System.Net;
using System.Xml.Linq;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Pages;

/// <summary>A Markdown file in content/pages with title, description and path is a page: served, in the sitemap, no code.</summary>
public sealed class ProsePagesTests
{
    private static string Page(string title, string description, string path, string body) =>
        $"---\ntitle: \"{title}\"\ndescription: \"{description}\"\npath: {path}\n---\n{body}\n";

    private static string ContentWithPages(params (string File, string Text)[] pages)
    {
        var root = TestContent.Create([new TestClaim(1, "one")]);
        Directory.CreateDirectory(Path.Combine(root, "pages"));
        foreach (var (file, text) in pages)
        {
            File.WriteAllText(Path.Combine(root, "pages", file), text);
        }

        return root;
    }

    [Fact]
    public async Task A_third_page_in_content_is_served_at_its_path_and_listed_in_the_sitemap()
    {
        var root = ContentWithPages(
            ("about.md", Page("About", "What this is.", "/about", "About text.")),
            ("method.md", Page("Method", "How it is graded.", "/evidence/method", "Method text.")),
            ("glossary.md", Page("Glossary of terms", "The words the site uses, in plain language.", "/help/glossary", "A **word** and [[claim:one]].")));
        await using var app = new TestApp(root);
        using var client = app.NewClient();

        var html = await client.GetOkStringAsync("/help/glossary");
        Assert.Contains("<h1>Glossary of terms</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>word</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"The words the site uses, in plain language.\">", html, StringComparison.Ordinal);
        Assert.Contains("Method text.", await client.GetOkStringAsync("/evidence/method"), StringComparison.Ordinal);

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(await client.GetOkStringAsync("/sitemap.xml")).Root!;
        var paths = sitemap.Elements(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/help/glossary", paths);
        Assert.Contains("/about", paths);
        Assert.Contains("/evidence/method", paths);
    }

    [Theory]
    [InlineData("/help/nothing-here")]
    [InlineData("/help")]
    [InlineData("/Not_A_Page.txt")]
    public async Task An_address_that_is_no_pages_gets_the_404_page(string path)
    {
        await using var app = new TestApp(ContentWithPages(("glossary.md", Page("Glossary", "Words.", "/help/glossary", "Text."))));
        using var client = app.NewClient();

        using var response = await client.GetPathAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_pages_at_one_path_is_an_error_at_the_second_files_path()
    {
        var root = ContentWithPages(
            ("a.md", Page("A", "First.", "/help", "A.")),
            ("b.md", Page("B", "Second.", "/help", "B.")));

        var error = Assert.Single(ContentReader.Read(root).Diagnostics, d => d.IsError);

        Assert.EndsWith(Path.Combine("pages", "b.md"), error.File, StringComparison.Ordinal);
        Assert.Equal((4, 7), (error.Line, error.Column));
        Assert.Contains("'/help' is already the address of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_as_title_is_an_error_that_says_where_the_title_goes()
    {
        var root = ContentWithPages(("a.md", Page("A", "First.", "/help", "# A\n\nText.")));

        var error = Assert.Single(ContentReader.Read(root).Diagnostics, d => d.IsError);

        Assert.Equal(6, error.Line);
        Assert.Contains("front matter's 'title'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_routes_content_checks_paths_against_are_the_apps_own()
    {
        // PagePaths.AppRoutes is how content is checked without the app; every route the app maps must be in it (static
        // assets, exports and the sitemap have a '.' in their names, which no page path can have).
        await using var app = TestApp.With(new TestClaim(1, "one"));
        using var client = app.NewClient();
        await client.GetOkStringAsync("/claims");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(r => r != "/{**path}" && !r.Contains('.', StringComparison.Ordinal))
            .Distinct().ToList();

        var missing = routes.Where(r => !PagePaths.AppRoutes.Any(known => PagePaths.Matches(known, Sample(r)))).ToList();
        Assert.True(missing.Count == 0, "routes the content check does not know (add them to PagePaths.AppRoutes):\n" + string.Join("\n", missing));
    }

    /// <summary>A path the route answers: each parameter filled with a word.</summary>
    private static string Sample(string route) =>
        string.Join('/', route.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
}
