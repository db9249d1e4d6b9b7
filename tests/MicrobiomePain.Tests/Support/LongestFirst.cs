using MicrobiomePain.Tests.Browser;
using MicrobiomePain.Tests.Production;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(MicrobiomePain.Tests.Support.LongestFirst))]

namespace MicrobiomePain.Tests.Support;

/// <summary>
/// Starts the two longest collections first, the published app's (a ~40 s publish, then the browser's checks) and the claim
/// pages' axe checks, so the rest of the run fills the other threads around them instead of queueing in front of them
/// and leaving them to run on their own at the end (a fresh-clone run's timeline, 2026-12-07). The rest keep xunit's order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [PublishedAppGroup.Name, AccessibilityTestGroup.Name];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => Array.IndexOf(First, c.TestCollectionDisplayName) is var i and >= 0 ? i : First.Length).ToList();
}
