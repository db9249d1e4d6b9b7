using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicrobiomePain.Tests.Store;

/// <summary>What happens to the store file at startup when it is damaged, stale, or written by two processes at once.</summary>
public sealed class StoreFaultTests
{
    private static ClaimStore StoreFor(string content, TimeSpan? grace = null) =>
        new(content, Path.Combine(Path.GetDirectoryName(content)!, "store"), NullLogger<ClaimStore>.Instance)
        {
            RetiredStoreGrace = grace ?? TimeSpan.FromMinutes(1),
        };

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static void SetStoreInfo(string path, string key, string value)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE store_info SET value = $value WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    public static TheoryData<string> Damage => ["truncated", "not-sqlite", "empty", "missing", "wrong-format-version", "wrong-content-hash"];

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_or_stale_store_file_is_rebuilt_at_startup(string damage)
    {
        var content = TestContent.Create([new TestClaim(1, "one"), new TestClaim(2, "two")]);
        var first = StoreFor(content).Refresh();
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(first.Path);
        switch (damage)
        {
            case "truncated": File.WriteAllBytes(first.Path, bytes[..(bytes.Length / 2)]); break;
            case "not-sqlite": File.WriteAllText(first.Path, "this is not a database\n"); break;
            case "empty": File.WriteAllBytes(first.Path, []); break;
            case "missing": File.Delete(first.Path); break;
            case "wrong-format-version": SetStoreInfo(first.Path, StoreBuilder.FormatKey, "0"); break;
            case "wrong-content-hash": SetStoreInfo(first.Path, StoreBuilder.HashKey, new string('0', 64)); break;
        }

        // A new process (a new ClaimStore) over the same content rebuilds it...
        var restarted = StoreFor(content);
        var rebuilt = restarted.Refresh();

        Assert.Equal(RefreshOutcome.Built, restarted.LastAttempt!.Outcome);
        Assert.Equal(first.Path, rebuilt.Path);
        Assert.Equal("ok", IntegrityCheck(rebuilt.Path));

        // ...and the one after that finds it whole and reuses it.
        var next = StoreFor(content);
        next.Refresh();
        Assert.Equal(RefreshOutcome.Reused, next.LastAttempt!.Outcome);
    }

    [Fact]
    public void A_store_of_an_older_format_version_is_not_reused()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var store = StoreFor(content);
        var first = store.Refresh();
        SqliteConnection.ClearAllPools();
        SetStoreInfo(first.Path, StoreBuilder.FormatKey, "0");

        Assert.Null(StoreFile.TryOpen(first.Path, first.ContentHash));
        var second = StoreFor(content);
        second.Refresh();
        Assert.Equal(RefreshOutcome.Built, second.LastAttempt!.Outcome);
        Assert.Equal(ContentHash.FormatVersion, ReadInfo(first.Path, StoreBuilder.FormatKey));
    }

    [Fact]
    public async Task Four_stores_refreshing_at_once_on_one_folder_agree_on_one_intact_file()
    {
        var content = TestContent.Create(Enumerable.Range(1, 30).Select(n => new TestClaim(n, $"claim-{n}")));
        using var go = new Barrier(4);

        var versions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () =>
            {
                var store = StoreFor(content);
                go.SignalAndWait(TestContext.Current.CancellationToken);
                return store.Refresh();
            },
            TestContext.Current.CancellationToken)));

        Assert.Single(versions.Select(v => v.Path).Distinct());
        var dir = Path.GetDirectoryName(versions[0].Path)!;
        Assert.Equal([Path.GetFileName(versions[0].Path)], Directory.GetFiles(dir).Select(Path.GetFileName));
        Assert.Equal("ok", IntegrityCheck(versions[0].Path));
    }

    [Fact]
    public async Task Two_app_processes_building_the_same_store_at_once_leave_one_intact_file()
    {
        var content = TestContent.Create(Enumerable.Range(1, 200).Select(n => new TestClaim(n, $"claim-{n}")));
        var storeDirectory = Path.Combine(Path.GetDirectoryName(content)!, "store");
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => AppProcess.RunAsync("build-store", content, storeDirectory)));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        var files = Directory.GetFiles(storeDirectory);
        var store = Assert.Single(files);
        Assert.Equal("ok", IntegrityCheck(store));
        Assert.NotNull(StoreFile.TryOpen(store, ContentHash.Of(content)));
    }

    [Fact]
    public void A_process_deletes_the_stores_it_replaced_once_their_grace_has_passed_and_no_others()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var storeDirectory = Path.Combine(Path.GetDirectoryName(content)!, "store");
        Directory.CreateDirectory(storeDirectory);
        var store = StoreFor(content, grace: TimeSpan.Zero);

        var a = store.Refresh();
        var otherProcessStore = Path.Combine(storeDirectory, "store-00000000000000aa.db");
        File.Copy(a.Path, otherProcessStore);
        TestContent.WriteClaim(content, new TestClaim(2, "two"));
        var b = store.Refresh();
        TestContent.WriteClaim(content, new TestClaim(3, "three"));
        var c = store.Refresh();

        Assert.False(File.Exists(a.Path), "a store this process replaced is deleted after its grace");
        Assert.False(File.Exists(b.Path), "with no grace, the store replaced just now goes too");
        Assert.True(File.Exists(c.Path));
        Assert.True(File.Exists(otherProcessStore), "stores this process never served are left alone");
    }

    [Fact]
    public void A_replaced_store_stays_on_disk_during_its_grace_for_requests_that_started_before_the_swap()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var store = StoreFor(content, grace: TimeSpan.FromMinutes(5));
        var a = store.Refresh();
        TestContent.WriteClaim(content, new TestClaim(2, "two"));
        store.Refresh();
        TestContent.WriteClaim(content, new TestClaim(3, "three"));
        store.Refresh();

        Assert.True(File.Exists(a.Path));
        using var connection = new SqliteConnection(a.ConnectionString);
        connection.Open();
    }

    [Fact]
    public void Leftover_temporary_files_of_a_crashed_build_are_deleted_but_fresh_ones_are_not()
    {
        var content = TestContent.Create([new TestClaim(1, "one")]);
        var storeDirectory = Path.Combine(Path.GetDirectoryName(content)!, "store");
        Directory.CreateDirectory(storeDirectory);
        var crashed = Path.Combine(storeDirectory, "store-0123456789abcdef.0000.tmp");
        var building = Path.Combine(storeDirectory, "store-0123456789abcdef.1111.tmp");
        File.WriteAllText(crashed, "half a store");
        File.SetLastWriteTimeUtc(crashed, DateTime.UtcNow.AddHours(-2));
        File.WriteAllText(building, "a build in progress in another process");

        StoreFor(content).Refresh();

        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(building));
    }

    private static string ReadInfo(string path, string key)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM store_info WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (string)command.ExecuteScalar()!;
    }
}
