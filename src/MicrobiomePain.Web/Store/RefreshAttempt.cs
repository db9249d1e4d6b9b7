using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Web.Store;

/// <summary>What a store refresh did.</summary>
public enum RefreshOutcome
{
    /// <summary>The content hash matched the store being served; nothing was read.</summary>
    Unchanged,

    /// <summary>A store for this content version was already on disk and is now served.</summary>
    Reused,

    /// <summary>The content was read, checked and written into a new store, now served.</summary>
    Built,

    /// <summary>The content has errors; the previous store keeps serving.</summary>
    Invalid,

    /// <summary>The store could not be written or the content could not be read; the previous store keeps serving.</summary>
    Failed,
}

/// <summary>The last refresh: when, what happened, and the diagnostics (errors when invalid, else warnings).</summary>
public sealed record RefreshAttempt(
    DateTimeOffset At,
    RefreshOutcome Outcome,
    IReadOnlyList<ContentDiagnostic> Diagnostics,
    string? Message,
    TimeSpan Elapsed)
{
    public bool Succeeded => Outcome is RefreshOutcome.Unchanged or RefreshOutcome.Reused or RefreshOutcome.Built;
}
