using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicrobiomePain.Tests.Store;

public sealed class ClaimStoreTests
{
    private static ClaimStore StoreFor(string content) =>
        new(content, Path.Combine(Path.GetDirectoryName(content)!, "store"), NullLogger<ClaimStore>.Instance);

    [Fact]
    public async Task A_built_store_holds_exactly_what_the_content_says()
    {
        var content = TestContent.Create(
        [
            new TestClaim(1, "one", "human-trial", ["fibromyalgia", "endometriosis"], Aliases: ["first"], Sources: ["study-a", "study-b"]),
            new TestClaim(2, "two", "speculative", ["visceral-pain"]),
        ]);

        var version = StoreFor(content).Refresh();

        await using var db = new ClaimStoreContext(StoreBuilder.Options(version.ConnectionString));
        Assert.Equal(2, await db.Claims.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(4, await db.EvidenceLevels.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.Conditions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.Sources.CountAsync(TestContext.Current.CancellationToken));
        var one = await db.Claims.Include(c => c.Conditions).Include(c => c.Sources).Include(c => c.Caveats).Include(c => c.Aliases)
            .SingleAsync(c => c.Slug == "one", TestContext.Current.CancellationToken);
        Assert.Equal("C1", one.Id);
        Assert.Equal(4, one.LevelRank);
        Assert.Equal(["endometriosis", "fibromyalgia"], one.Conditions.Select(c => c.ConditionSlug).Order());
        Assert.Equal(["study-a", "study-b"], one.Sources.OrderBy(s => s.Position).Select(s => s.SourceKey));
        Assert.Equal(2, one.Caveats.Count);
        Assert.Equal("<p>First caveat of 1.</p>", one.FirstCaveatHtml);
        Assert.Equal("first", Assert.Single(one.Aliases).Slug);
        Assert.Equal(version.ContentHash, (await db.StoreInfo.SingleAsync(i => i.Key == StoreBuilder.HashKey, TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task A_built_store_is_a_single_file_that_read_only_readers_can_use()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var version = StoreFor(content).Refresh();

        await using (var db = new ClaimStoreContext(StoreBuilder.Options(version.ConnectionString)))
        {
            Assert.Equal(1, await db.Claims.CountAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal([Path.GetFileName(version.Path)], Directory.GetFiles(Path.GetDirectoryName(version.Path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Unchanged_content_reuses_the_existing_store_without_rebuilding()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var first = StoreFor(content).Refresh();
        var writtenAt = File.GetLastWriteTimeUtc(first.Path);

        // A new process (a new ClaimStore) over the same content finds the same file and does not rewrite it.
        var second = StoreFor(content).Refresh();

        Assert.Equal(first.Path, second.Path);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(second.Path));
        Assert.Equal(first.BuiltAt, second.BuiltAt);
    }

    [Fact]
    public void Changed_content_builds_a_new_store_file()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var store = StoreFor(content);
        var first = store.Refresh();

        TestContent.WriteClaim(content, new TestClaim(2, "two"));
        var second = store.Refresh();

        Assert.NotEqual(first.Path, second.Path);
        Assert.Same(second, store.Current);
    }

    [Fact]
    public void Invalid_content_throws_with_diagnostics_and_keeps_the_last_good_store()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var store = StoreFor(content);
        var good = store.Refresh();

        File.WriteAllText(Path.Combine(content, "claims", "broken.md"), "---\nid: C2\n---\n");
        var ex = Assert.Throws<ContentInvalidException>(store.Refresh);

        Assert.NotEmpty(ex.Diagnostics);
        Assert.All(ex.Diagnostics, d => Assert.EndsWith("broken.md", d.File, StringComparison.Ordinal));
        Assert.Same(good, store.Current);
        Assert.Single(Directory.GetFiles(store.StoreDirectory, "*.db"));
        Assert.Empty(Directory.GetFiles(store.StoreDirectory, "*.tmp"));
    }

    [Fact]
    public void A_corrupted_store_file_is_rebuilt()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var first = StoreFor(content).Refresh();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllBytes(first.Path, new byte[100]);

        var rebuilt = StoreFor(content).Refresh();

        Assert.Equal(first.Path, rebuilt.Path);
        Assert.NotNull(StoreFile.TryOpen(rebuilt.Path, rebuilt.ContentHash));
    }

    [Fact]
    public void An_unwritable_store_folder_is_reported_clearly_not_as_a_crash()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var blocker = Path.Combine(Path.GetTempPath(), $"mp-blocker-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where the store folder should be");
        var store = new ClaimStore(content, Path.Combine(blocker, "store"), NullLogger<ClaimStore>.Instance);

        var ex = Assert.Throws<StoreUnavailableException>(() => store.Refresh());

        Assert.Contains("Store:StoreDirectory", ex.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, ex.Message, StringComparison.Ordinal);
    }
}
