#:project ../../src/MicrobiomePain.Web/MicrobiomePain.Web.csproj
#:property PublishAot=false
// Prints the SQL, EXPLAIN QUERY PLAN and a warm timing (best of 3) of every command the app's own queries send for a
// list, a search, a claim page, a condition page and the claim index load, plus the pre-index page-number queries
// (written out here; the SQL filter they came from is now the test project's oracle, Claims/SqlClaimFilter.cs).
// Usage: dotnet run tests/load/explain.cs -- <store-….db> <a claim slug>   (a store from tests/load/latency.sh works)
using System.Data.Common;
using System.Globalization;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

var connection = new SqliteConnectionStringBuilder { DataSource = args[0], Mode = SqliteOpenMode.ReadOnly }.ToString();
var explainer = new Explainer();
var options = new DbContextOptionsBuilder<ClaimStoreContext>()
    .UseSqlite(connection).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(explainer).Options;
await using var db = new ClaimStoreContext(options);
var vocabulary = await ClaimQuery.VocabularyAsync(db);
var twoFilters = ClaimFilter.All with { Conditions = ["fibromyalgia"], Levels = ["animal-study"] };
var search = ClaimFilter.All with { Query = "probiotic trial", Terms = ["probiotic", "trial"], Sort = ClaimSort.Relevance };

foreach (var sort in new[] { ClaimSort.Article, ClaimSort.Strength, ClaimSort.Title, ClaimSort.Reviewed })
{
    await explainer.Run($"index load: {sort} order", () => ClaimQuery.Order(db.Claims, sort).Select(c => c.Number).ToListAsync());
    await explainer.Run($"before the index: page numbers, condition + level, {sort}", () =>
        ClaimQuery.Order(db.Claims.Where(c => c.Conditions.Any(cc => twoFilters.Conditions.Contains(cc.ConditionSlug)) && twoFilters.Levels.Contains(c.LevelSlug)), sort).Skip(20).Take(20).Select(c => c.Number).ToListAsync());
    await explainer.Run($"before the index: page numbers, min level, {sort}", () =>
        ClaimQuery.Order(db.Claims.Where(c => c.LevelRank >= 3), sort).Skip(20).Take(20).Select(c => c.Number).ToListAsync());
}

await explainer.Run("before the index: page summaries joined with their conditions", () => db.Claims
    .Where(c => new[] { 5, 17, 23, 99, 1000, 2000, 3000, 4000, 5000, 6000 }.Contains(c.Number))
    .Select(c => new ClaimSummary(
        c.Id, c.Slug, c.Title, c.Kind, new LevelBadge(c.Level!.Slug, c.Level.Name, c.Level.Symbol, c.Level.Rank),
        c.Conditions.OrderBy(cc => cc.Condition!.Position).Select(cc => new ConditionRef(cc.ConditionSlug, cc.Condition!.Name)).ToList(),
        c.FirstCaveatHtml, c.Reviewed))
    .ToListAsync());
await explainer.Run("list: two filters", () => ClaimQuery.ListAsync(db, twoFilters, vocabulary));
await explainer.Run("list: search by relevance", () => ClaimQuery.ListAsync(db, search, vocabulary));
await explainer.Run("list: search by title", () => ClaimQuery.ListAsync(db, search with { Sort = ClaimSort.Title }, vocabulary));
await explainer.Run("claim page", async () => await ClaimQuery.RelatedAsync(db, (await ClaimQuery.FindAsync(db, args[1])).Claim!));
await explainer.Run("condition page", () => ClaimQuery.ConditionAsync(db, "fibromyalgia"));

/// <summary>Explains each distinct command of a step once, as EF sends it (same SQL, same parameter values).</summary>
internal sealed class Explainer : DbCommandInterceptor
{
    private readonly HashSet<string> _seen = [];
    private string _step = "first use: the claim index (vocabulary, levels, conditions, sort orders)";

    public async Task Run(string step, Func<Task> action)
    {
        _step = step;
        _seen.Clear();
        await action();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (_seen.Add(command.CommandText))
        {
            Explain((SqliteCommand)command);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Explain(SqliteCommand command)
    {
        var text = command.CommandText.Length > 1500 ? command.CommandText[..1500] + " …" : command.CommandText;
        Console.WriteLine($"### {_step}\n{text.Trim()}");
        using (var plan = Copy(command, "EXPLAIN QUERY PLAN "))
        using (var reader = plan.ExecuteReader())
        {
            while (reader.Read())
            {
                Console.WriteLine("    " + reader.GetString(3));
            }
        }

        var (best, rows) = (double.MaxValue, 0);
        for (var run = 0; run < 3; run++)
        {
            using var timed = Copy(command, "");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var reader = timed.ExecuteReader();
            for (rows = 0; reader.Read(); rows++)
            {
            }

            best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    -> {rows} rows, best of 3: {best:F1} ms"));
    }

    private static SqliteCommand Copy(SqliteCommand command, string prefix)
    {
        var copy = command.Connection!.CreateCommand();
        copy.CommandText = prefix + command.CommandText;
        foreach (SqliteParameter parameter in command.Parameters)
        {
            copy.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        return copy;
    }
}
