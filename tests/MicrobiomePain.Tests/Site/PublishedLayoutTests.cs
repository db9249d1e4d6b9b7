using MicrobiomePain.Web.Site;

namespace MicrobiomePain.Tests.Site;

public sealed class PublishedLayoutTests
{
    private static string Folder(bool withWebRoot)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(withWebRoot ? Path.Combine(folder, "wwwroot") : folder);
        return folder;
    }

    [Fact]
    public void A_publish_started_from_another_folder_uses_its_own_folder()
    {
        var publish = Folder(withWebRoot: true);
        Assert.Equal(publish, PublishedLayout.ContentRoot([], publish, Folder(withWebRoot: false)));
    }

    [Fact]
    public void Started_from_a_folder_with_a_wwwroot_the_default_stays()
    {
        Assert.Null(PublishedLayout.ContentRoot([], Folder(withWebRoot: true), Folder(withWebRoot: true)));
    }

    [Fact]
    public void Build_output_without_a_wwwroot_keeps_the_default_as_dotnet_run_needs()
    {
        Assert.Null(PublishedLayout.ContentRoot([], Folder(withWebRoot: false), Folder(withWebRoot: false)));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/site")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void A_content_root_the_operator_chose_always_wins(string arg)
    {
        Assert.Null(PublishedLayout.ContentRoot([arg, "/srv/site"], Folder(withWebRoot: true), Folder(withWebRoot: false)));
    }
}
