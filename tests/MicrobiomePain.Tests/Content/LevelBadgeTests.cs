using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;

namespace MicrobiomePain.Tests.Content;

public sealed class LevelBadgeTests
{
    private const string HumanTrialBadge =
        "<span class=\"level level-human-trial\"><span class=\"level-symbol\" aria-hidden=\"true\">●</span> Human trial</span>";

    [Fact]
    public void The_badge_shows_the_level_by_symbol_and_name_not_colour_alone() =>
        Assert.Equal(HumanTrialBadge, LevelBadgeHtml.Of(new LevelBadge("human-trial", "Human trial", "●", 4)));

    [Fact]
    public async Task A_claim_page_and_the_article_reference_render_the_same_badge_markup()
    {
        var root = TestContent.Create([new TestClaim(1, "one", "human-trial")]);
        File.WriteAllText(Path.Combine(root, "article.md"), TestContent.Article("# Walk\n\nIt says [[claim:one]].\n", "C1"));
        using var app = new TestApp(root);
        using var client = app.NewClient();
        var ct = TestContext.Current.CancellationToken;

        var claimPage = await client.GetStringAsync(new Uri("/claims/one", UriKind.Relative), ct);
        var article = await client.GetStringAsync(new Uri("/article", UriKind.Relative), ct);

        // The claim page's badge comes from the _LevelBadge partial, the article's from the Markdig claim-reference renderer.
        Assert.Contains(HumanTrialBadge, claimPage, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/claims/one\">Claim number 1</a> " + HumanTrialBadge + "</span>", article, StringComparison.Ordinal);
    }
}
