using System.Net;
using System.Text.RegularExpressions;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static MicrobiomePain.Tests.Support.TestHttp;

namespace MicrobiomePain.Tests.Pages;

/// <summary>A Markdown file in content/pages with title, description and path is a page: served, in the sitemap, no code.</summary>
public sealed class ProsePagesTests
{
    private static string Page(string title, string description, string path, string body, string? nav = null) =>
        $"---\ntitle: \"{title}\"\ndescription: \"{description}\"\npath: {path}\n{(nav is null ? "" : $"nav: \"{nav}\"\n")}---\n{body}\n";

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

        var paths = (await client.SitemapLocationsAsync()).Select(l => new Uri(l).AbsolutePath).ToList();
        Assert.Contains("/help/glossary", paths);
        Assert.Contains("/about", paths);
        Assert.Contains("/evidence/method", paths);
    }

    [Fact]
    public async Task A_page_with_nav_is_linked_from_every_pages_navigation_in_file_name_order_and_marked_current_on_itself()
    {
        var root = ContentWithPages(
            ("b-glossary.md", Page("Glossary of terms", "Words.", "/help/glossary", "Text.", nav: "Glossary")),
            ("a-about.md", Page("About", "What this is.", "/about", "About text.", nav: "About")),
            ("method.md", Page("Method", "How it is graded.", "/evidence/method", "Method text.")));
        await using var app = new TestApp(root);
        using var client = app.NewClient();

        foreach (var path in new[] { "/", "/claims", "/help/glossary", "/no-such-page" })
        {
            using var response = await client.GetPathAsync(path);
            var html = await response.Content.ReadAsStringAsync(Ct);
            var nav = Regex.Match(html, "<nav aria-label=\"Main\">(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;
            var links = Regex.Matches(nav, "<a href=\"([^\"]*)\"( aria-current=\"page\")?>([^<]*)</a>")
                .Select(m => (Href: m.Groups[1].Value, Text: m.Groups[3].Value, Current: m.Groups[2].Success ? "page" : null)).ToList();
            Assert.True(links.Count >= 8, path + ": " + nav);

            // Code's sections first, then the content's pages with 'nav', by file name; a page without 'nav' is not there.
            Assert.Equal(["/about", "/help/glossary"], links.Skip(links.Count - 2).Select(l => l.Href));
            Assert.Equal(["About", "Glossary"], links.Skip(links.Count - 2).Select(l => l.Text));
            Assert.DoesNotContain(links, l => l.Href == "/evidence/method");
            Assert.Equal(path == "/help/glossary" ? ["/help/glossary"] : path == "/claims" ? ["/claims"] : [], links.Where(l => l.Current == "page").Select(l => l.Href));
        }
    }

    [Fact]
    public async Task The_500_page_renders_when_what_failed_was_reading_the_store()
    {
        // The navigation's content links are read from the store; the 500 page must not need it.
        await using var app = new TestApp(ContentWithPages(("about.md", Page("About", "What this is.", "/about", "Text.", nav: "About"))));
        using var client = app.NewClient();
        var store = app.Services.GetRequiredService<MicrobiomePain.Web.Store.ClaimStore>().Current.Path;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(store, new byte[8192], Ct);

        using var response = await client.GetPathAsync("/claims?q=anything");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("The error has been logged.", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nav_text_too_long_for_the_navigation_is_an_error_at_its_value()
    {
        var root = ContentWithPages(("a.md", Page("A", "First.", "/help", "Text.", nav: new string('x', PageParser.NavMaxLength + 1))));

        var error = Assert.Single(ContentReader.Read(root).Diagnostics, d => d.IsError);

        Assert.Equal((5, 6), (error.Line, error.Column));
        Assert.Contains($"at most {PageParser.NavMaxLength} characters", error.Message, StringComparison.Ordinal);
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
