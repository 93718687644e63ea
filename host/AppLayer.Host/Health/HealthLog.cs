using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Health;

/// <summary>Log lines of the host's readiness probe (event ids 4120–4129, docs/operations.md).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Not ready: {Reasons}")]
    public static partial void NotReady(ILogger logger, string reasons);
}
