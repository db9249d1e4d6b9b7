namespace MicrobiomePain.Web.Operations;

/// <summary>Operational settings, bound from the "Operations" configuration section.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>Requests per client IP per minute allowed on /api/*; beyond it, 429 with Retry-After.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>How long in-flight requests get to finish on shutdown (SIGTERM) before the host stops.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 10;
}
