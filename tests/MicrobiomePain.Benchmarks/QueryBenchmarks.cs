using BenchmarkDotNet.Attributes;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicrobiomePain.Benchmarks;

/// <summary>
/// The list and search queries over a store of N synthetic claims, without output caching: the work behind an
/// uncached /claims request. Filters come from query strings through ClaimFilterParser, as the pages build them
/// (the same URLs as tests/load/latency.sh); each operation uses a new context, as each request has its own.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private SyntheticFolder? _folder;
    private string _connectionString = "";
    private FilterVocabulary _vocabulary = new([], []);
    private ClaimFilter _all = ClaimFilter.All;
    private ClaimFilter _twoFilters = ClaimFilter.All;
    private ClaimFilter _search = ClaimFilter.All;

    [Params(1000, 10000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = new SyntheticFolder(Claims);
        var store = new ClaimStore(_folder.Content, _folder.NewStoreDirectory(), NullLogger<ClaimStore>.Instance);
        _connectionString = store.Refresh().ConnectionString;
        using var db = NewContext();
        _vocabulary = ClaimQuery.VocabularyAsync(db).GetAwaiter().GetResult();
        _all = Filter("");
        _twoFilters = Filter("?condition=fibromyalgia&evidence=animal-study");
        _search = Filter("?q=probiotic+trial");

        // Measure real work only: every query must find claims, and the filtered ones fewer than all.
        var total = ListAsync(_all).GetAwaiter().GetResult().Total;
        foreach (var filter in new[] { _twoFilters, _search })
        {
            var found = ListAsync(filter).GetAwaiter().GetResult().Total;
            if (total != Claims || found == 0 || found >= total)
            {
                throw new InvalidOperationException($"{filter.ToQueryString()} found {found} of {total} claims; expected some, not all.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Delete();

    [Benchmark]
    public Task<ClaimListPage> ListAll() => ListAsync(_all);

    [Benchmark]
    public Task<ClaimListPage> ListConditionAndLevel() => ListAsync(_twoFilters);

    [Benchmark]
    public Task<ClaimListPage> Search() => ListAsync(_search);

    private async Task<ClaimListPage> ListAsync(ClaimFilter filter)
    {
        await using var db = NewContext();
        return await ClaimQuery.ListAsync(db, filter, _vocabulary);
    }

    private ClaimStoreContext NewContext() => new(StoreBuilder.Options(_connectionString));

    private ClaimFilter Filter(string queryString)
    {
        var (filter, error) = ClaimFilterParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), _vocabulary);
        return filter ?? throw new InvalidOperationException($"{queryString}: {error?.Message}");
    }
}
