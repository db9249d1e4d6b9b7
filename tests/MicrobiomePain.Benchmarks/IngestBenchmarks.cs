using BenchmarkDotNet.Attributes;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Benchmarks;

/// <summary>
/// Reading, checking and writing the store for 1,000 claims: what an author waits for after an edit.
/// One operation takes about a second, so each is one invocation and the iterations are few (these attributes
/// change whichever job runs, including `--job short`).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class IngestBenchmarks
{
    private const int Claims = 1000;

    private SyntheticFolder? _folder;
    private string _store = "";

    [GlobalSetup]
    public void Setup() => _folder = new SyntheticFolder(Claims);

    [GlobalCleanup]
    public void Cleanup() => _folder?.Delete();

    // Every iteration writes into a fresh folder, so no run can reuse the previous run's file.
    [IterationSetup]
    public void NewStore() => _store = _folder!.NewStoreDirectory();

    [IterationCleanup]
    public void DeleteStore() => Directory.Delete(_store, recursive: true);

    [Benchmark]
    public string BuildStore1k()
    {
        var result = ContentReader.Read(_folder!.Content);
        if (result.Content is not { Claims.Count: Claims } content)
        {
            throw new InvalidOperationException($"expected {Claims} valid claims: {string.Join("; ", result.Diagnostics.Take(3))}");
        }

        return StoreBuilder.Build(content, _store);
    }
}
