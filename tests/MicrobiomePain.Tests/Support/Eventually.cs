namespace MicrobiomePain.Tests.Support;

/// <summary>Waiting for something a background task does (a live reload, a log line): poll until it holds or fail.</summary>
public static class Eventually
{
    public static async Task Holds(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var limit = patience ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {limit.TotalSeconds} s waiting until {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public static Task Holds(Func<bool> condition, string what, TimeSpan? patience = null) =>
        Holds(() => Task.FromResult(condition()), what, patience);
}
