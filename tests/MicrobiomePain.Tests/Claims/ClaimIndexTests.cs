using MicrobiomePain.Tests.Claims;
using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MicrobiomePain.Tests.Claims;

/// <summary>
/// The in-memory <see cref="ClaimIndex"/> must select exactly what SQL selects: the same totals and facet counts as a
/// brute-force count over the rows, and the same page in the same order as the filter run as SQL (SqlClaimFilter.Apply, ClaimQuery.Order
/// and the FTS5 rank), for many filter combinations on a store with mixed levels, condition sets, titles and dates.
/// </summary>
public sealed class ClaimIndexTests
{
    private static readonly string[] Levels = ["speculative", "animal-study", "human-observational", "human-trial"];
    private static readonly string[] ConditionSlugs = ["fibromyalgia", "endometriosis", "visceral-pain"];
    private static readonly string[] TitleWords = ["alpha", "Alpha", "BETA", "beta", "Émile", "zeta", "Zebra", "gut", "Gut pain"];

    private sealed record Row(int Number, string LevelSlug, int LevelRank, List<string> Conditions, int CertaintyRank, string? Verdict, string Kind)
    {
        /// <summary>A claim with a verdict has no certainty (the two share nothing: see FilterDimensions.Certainty).</summary>
        public string? Certainty => Verdict is null ? CertaintyBadge.ForRank(CertaintyRank).Slug : null;
    }

    private static ClaimStoreContext Store() => ClaimStoreContext.For(Version());

    private static readonly Lazy<StoreVersion> ShippedVersion = new(() =>
    {
        var content = TestContent.CopyOfShipped();
        return new ClaimStore(content, Path.Combine(Path.GetDirectoryName(content)!, "store"), NullLogger<ClaimStore>.Instance).Refresh();
    });

    private static StoreVersion Version()
    {
        var random = new Random(7);
        var claims = Enumerable.Range(1, 67).Select(n => new TestClaim(
            n * 3, // gaps in the numbers, as after deleted claims
            $"claim-{n}",
            Levels[random.Next(Levels.Length)],
            ConditionSlugs.Where(_ => random.Next(2) == 0).DefaultIfEmpty(ConditionSlugs[n % 3]).ToArray(),
            $"{TitleWords[random.Next(TitleWords.Length)]} claim {random.Next(5)}",
            $"2026-{1 + random.Next(3):00}-0{1 + random.Next(3)}",
            Kind: (n % 3) switch { 0 => null, 1 => "forecast", _ => "advice" }));
        var content = TestContent.Create(claims);
        return new ClaimStore(content, Path.Combine(Path.GetDirectoryName(content)!, "store"), NullLogger<ClaimStore>.Instance).Refresh();
    }

    public static TheoryData<string[], string[], int?, string?> Filters() => new()
    {
        { [], [], null, null },
        { ["fibromyalgia"], [], null, null },
        { ["fibromyalgia", "visceral-pain"], [], null, null },
        { [], ["animal-study", "human-trial"], null, null },
        { ["endometriosis"], ["speculative"], null, null },
        { [], [], 3, null },
        { ["fibromyalgia", "endometriosis"], ["human-observational", "human-trial"], 4, null },
        { ["no-such-condition"], [], null, null },
        { [], [], null, "claim" },
        { [], [], null, "alpha claim" },
        { ["visceral-pain", "endometriosis"], [], 2, "gut" },
        { [], ["animal-study"], null, "beta" },
        { [], [], null, "nothingmatchesthis" },
        { [], [], null, "!!!" },
        { [], [], null, "Émile claim" }, // a word FTS5 folds: its token comes from FTS5
        { [], [], null, "emile" },
        { [], [], null, "c" },
        { [], [], null, "alpha nothingmatchesthis" }, // no claim has both: the claims with either, ranked
        { ["fibromyalgia"], [], null, "what is gut alpha" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Totals_facets_and_every_page_in_every_sort_equal_sql_and_a_brute_force_count(string[] conditions, string[] levels, int? minRank, string? query)
    {
        await using var db = Store();
        await AssertEqualsSqlAsync(db, ClaimFilter.All with
        {
            Conditions = conditions, Levels = levels, MinRank = minRank, MinLevel = minRank is null ? null : Levels[minRank.Value - 1],
            Query = query, Terms = query is null ? [] : ClaimSearch.Terms(query),
        });
    }

    /// <summary>Certainty, verdict and kind, on the shipped content (every certainty and verdict the rule gives) and on the test store (kinds).</summary>
    public static TheoryData<bool, string[], string[], string[], string?> JudgementFilters() => new()
    {
        { true, [], [], [], null },
        { true, ["low"], [], [], null },
        { true, ["moderate", "very-low", "not-graded"], [], [], null },
        { true, [], ["accurate"], [], null },
        { true, [], ["partly-accurate", "cannot-be-checked"], [], null },
        { true, ["low"], ["accurate"], [], null }, // a claim has one or the other: none
        { true, [], [], ["forecast"], null },
        { true, [], [], ["uncertainty", "advice"], null },
        { true, ["low", "very-low"], [], ["finding", "forecast"], null },
        { true, [], ["accurate", "inaccurate"], ["uncertainty"], "microbiome" },
        { true, [], [], ["finding"], "pain" },
        { false, [], [], ["forecast"], null },
        { false, ["not-graded"], [], ["finding", "advice"], "alpha" },
        { false, [], ["accurate"], [], null },
    };

    [Theory]
    [MemberData(nameof(JudgementFilters))]
    public async Task Certainty_verdict_and_kind_totals_facets_and_pages_equal_sql(bool shipped, string[] certainties, string[] verdicts, string[] kinds, string? query)
    {
        await using var db = shipped ? ClaimStoreContext.For(ShippedVersion.Value) : Store();
        await AssertEqualsSqlAsync(db, (ClaimFilter.All with
        {
            Certainties = certainties, Verdicts = verdicts, Query = query, Terms = query is null ? [] : ClaimSearch.Terms(query),
        }).Choosing(FilterDimensions.Kind, kinds));
    }

    [Fact]
    public async Task The_shipped_content_has_more_than_one_certainty_verdict_and_kind_so_the_oracle_tests_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = ClaimStoreContext.For(ShippedVersion.Value);
        var all = await ClaimQuery.SelectAsync(db, ClaimFilter.All, 0, 0, ct);
        Assert.True(all.ByCertainty.Count(c => c.Value > 0) > 2);
        Assert.True(all.ByVerdict.Count(c => c.Value > 0) > 1);
        Assert.True(all.CountsOf(FilterDimensions.Kind).Count(c => c.Value > 0) > 2);
    }

    /// <summary>The index's totals and facet counts equal a brute-force count over the rows, and every page in every sort equals SQL's.</summary>
    private static async Task AssertEqualsSqlAsync(ClaimStoreContext db, ClaimFilter baseFilter)
    {
        var ct = TestContext.Current.CancellationToken;
        var (conditions, levels, minRank) = (baseFilter.Conditions, baseFilter.Levels, baseFilter.MinRank);
        var (certainties, verdicts, kinds) = (baseFilter.Certainties, baseFilter.Verdicts, baseFilter.Chosen(FilterDimensions.Kind));
        var rows = await db.Claims.Select(c => new Row(c.Number, c.LevelSlug, c.LevelRank, c.Conditions.Select(cc => cc.ConditionSlug).ToList(), c.CertaintyRank, c.Verdict, c.Kind))
            .ToListAsync(ct);
        var vocabulary = (await ClaimIndex.ForAsync(db, ct)).Vocabulary;
        var search = await ClaimSearch.HitsAsync(db, (await ClaimIndex.ForAsync(db, ct)).Search, baseFilter, ct);
        var match = search?.Query.MatchExpression;
        var hitNumbers = search is null ? null : (await ClaimSearch.AllHitsAsync(db, search.Query, ranked: false, ct)).Numbers.ToHashSet();

        bool Selected(Row row, string? skip = null) =>
            (hitNumbers is null || hitNumbers.Contains(row.Number))
            && (skip == "condition" || conditions.Count == 0 || row.Conditions.Intersect(conditions).Any())
            && (skip == "evidence" || levels.Count == 0 || levels.Contains(row.LevelSlug))
            && (skip == "evidence" || minRank is null || row.LevelRank >= minRank)
            && (skip == "certainty" || certainties.Count == 0 || (row.Certainty is { } c && certainties.Contains(c)))
            && (skip == "verdict" || verdicts.Count == 0 || (row.Verdict is { } v && verdicts.Contains(v)))
            && (skip == "kind" || kinds.Count == 0 || kinds.Contains(row.Kind));

        foreach (var sort in Enum.GetValues<ClaimSort>())
        {
            var filter = baseFilter with { Sort = sort };
            var expectedOrder = await SqlOrderAsync(db, filter, match, ct);
            var everything = await ClaimQuery.SelectAsync(db, filter, 0, 1000, ct);
            Assert.Equal(expectedOrder, everything.Numbers);
            Assert.Equal(rows.Count(r => Selected(r)), everything.Total);
            Assert.Equal(everything.Total, everything.Numbers.Count);
            foreach (var condition in vocabulary.Conditions.Select(c => c.Slug))
            {
                Assert.Equal(rows.Count(r => Selected(r, skip: "condition") && r.Conditions.Contains(condition)), everything.ByCondition[condition]);
            }

            foreach (var level in vocabulary.Levels.Select(l => l.Slug))
            {
                Assert.Equal(rows.Count(r => Selected(r, skip: "evidence") && r.LevelSlug == level), everything.ByLevel[level]);
            }

            foreach (var certainty in CertaintyBadge.All.Select(c => c.Slug))
            {
                Assert.Equal(rows.Count(r => Selected(r, skip: "certainty") && r.Certainty == certainty), everything.ByCertainty[certainty]);
            }

            foreach (var verdict in VerdictBadge.All.Select(v => v.Slug))
            {
                Assert.Equal(rows.Count(r => Selected(r, skip: "verdict") && r.Verdict == verdict), everything.ByVerdict[verdict]);
            }

            foreach (var kind in FilterDimensions.Kind.Terms(vocabulary).Select(k => k.Slug))
            {
                Assert.Equal(rows.Count(r => Selected(r, skip: "kind") && r.Kind == kind), everything.CountsOf(FilterDimensions.Kind)[kind]);
            }

            for (var skip = 0; skip <= expectedOrder.Count; skip += 7)
            {
                var page = await ClaimQuery.SelectAsync(db, filter, skip, 7, ct);
                Assert.Equal(expectedOrder.Skip(skip).Take(7), page.Numbers);
            }
        }
    }

    /// <summary>The order the filter gave when it ran as SQL (before the index): Order(Apply(...)), or bm25 rank then number.</summary>
    private static async Task<List<int>> SqlOrderAsync(ClaimStoreContext db, ClaimFilter filter, string? match, CancellationToken ct)
    {
        var matching = SqlClaimFilter.Apply(db, filter, match);
        return filter.Sort != ClaimSort.Relevance || filter.Terms.Count == 0
            ? await ClaimQuery.Order(matching, filter.Sort).Select(c => c.Number).ToListAsync(ct)
            : await matching.Join(SqlClaimFilter.Hits(db, match!), c => c.Number, h => h.Number, (c, h) => new { c.Number, h.Rank })
                .OrderBy(x => x.Rank).ThenBy(x => x.Number).Select(x => x.Number).ToListAsync(ct);
    }

    [Fact]
    public async Task Related_claims_equal_the_sql_query_for_every_claim()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Store();
        var index = await ClaimIndex.ForAsync(db, ct);
        var claims = await db.Claims.Select(c => new { c.Id, c.Number, c.LevelRank, Conditions = c.Conditions.Select(cc => cc.ConditionSlug).ToList() })
            .ToListAsync(ct);
        foreach (var claim in claims)
        {
            var rank = claim.LevelRank;
            var expected = await db.Claims
                .Where(c => c.Id != claim.Id && c.Conditions.Any(cc => claim.Conditions.Contains(cc.ConditionSlug)))
                .OrderBy(c => Math.Abs(c.LevelRank - rank)).ThenByDescending(c => c.LevelRank).ThenBy(c => c.Number)
                .Take(4).Select(c => c.Number).ToListAsync(ct);
            Assert.Equal(expected, index.Related(claim.Number, rank, claim.Conditions, 4));
        }
    }

    [Fact]
    public async Task The_index_is_read_once_per_store_version_and_each_version_has_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        var version = Version();
        await using var first = ClaimStoreContext.For(version);
        await using var again = ClaimStoreContext.For(version);
        var content = TestContent.Create([new TestClaim(1, "only-one", "human-trial", ["visceral-pain"])]);
        var other = new ClaimStore(content, Path.Combine(Path.GetDirectoryName(content)!, "store"), NullLogger<ClaimStore>.Instance).Refresh();
        await using var second = ClaimStoreContext.For(other);

        var index = await ClaimIndex.ForAsync(first, ct);
        Assert.Same(index, await ClaimIndex.ForAsync(again, ct));
        var otherIndex = await ClaimIndex.ForAsync(second, ct);
        Assert.NotSame(index, otherIndex);
        Assert.Equal(67, index.Count);
        Assert.Equal(1, otherIndex.Count);
        Assert.Equal(1, otherIndex.Select(ClaimFilter.All with { Conditions = ["visceral-pain"] }, null, 0, 20).Total);

        // The same file opened as a new version (a restart) reads its own index: nothing outlives the version.
        var reopened = StoreFile.TryOpen(version.Path, version.ContentHash)!;
        await using var afterRestart = ClaimStoreContext.For(reopened);
        Assert.NotSame(index, await ClaimIndex.ForAsync(afterRestart, ct));

        // A context made by hand, with no version, gets an index of its own every time.
        await using var unversioned = new ClaimStoreContext(StoreBuilder.Options(version.ConnectionString));
        Assert.NotSame(await ClaimIndex.ForAsync(unversioned, ct), await ClaimIndex.ForAsync(unversioned, ct));
    }

    [Fact]
    public async Task Summaries_with_levels_and_conditions_from_the_index_equal_the_sql_join()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Store();
        var expected = await ClaimQuery.Order(db.Claims, ClaimSort.Title).Select(c => new ClaimSummary(
                c.Id, c.Slug, c.Title, c.Kind,
                new LevelBadge(c.Level!.Slug, c.Level.Name, c.Level.Symbol, c.Level.Rank),
                c.Conditions.OrderBy(cc => cc.Condition!.Position).Select(cc => new ConditionRef(cc.ConditionSlug, cc.Condition!.Name)).ToList(),
                c.FirstCaveatHtml, c.Reviewed))
            .ToListAsync(ct);

        var actual = await ClaimQuery.SummariesAsync(db, ClaimQuery.Order(db.Claims, ClaimSort.Title), ct);

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e with { Conditions = [] }, a with { Conditions = [] });
            Assert.Equal(e.Conditions, a.Conditions);
        }

        var numbers = new[] { 30, 3, 201, 99 };
        Assert.Equal(numbers.Select(n => "C" + n), (await ClaimQuery.SummariesInOrderAsync(db, numbers, ct)).Select(s => s.Id));

        // An export can list more claims than SQLite allows variables (32,766): the numbers go in as one parameter.
        var many = Enumerable.Range(1, 40_000).Select(n => n * 3).Reverse().ToList();
        Assert.Equal(
            Enumerable.Range(1, 67).Reverse().Select(n => "C" + (n * 3)),
            (await ClaimQuery.SummariesInOrderAsync(db, many, ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_request_cancelled_while_it_loads_the_index_still_finishes_the_load_for_the_others()
    {
        var version = Version();
        await using var db = ClaimStoreContext.For(version);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var loaded = await ClaimIndex.ForAsync(db, cancelled.Token);

        await using var next = ClaimStoreContext.For(version);
        Assert.Same(loaded, await ClaimIndex.ForAsync(next, TestContext.Current.CancellationToken));
        Assert.Equal(67, loaded.Count);
    }

    [Fact]
    public async Task Requests_that_arrive_together_share_one_load()
    {
        var version = Version();
        var contexts = Enumerable.Range(0, 8).Select(_ => ClaimStoreContext.For(version)).ToList();

        var indexes = await Task.WhenAll(contexts.Select(db => Task.Run(() => ClaimIndex.ForAsync(db, TestContext.Current.CancellationToken))));

        Assert.All(indexes, index => Assert.Same(indexes[0], index));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }
}
