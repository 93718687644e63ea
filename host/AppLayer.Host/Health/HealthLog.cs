
namespace AppLayer.Host.Health;

/// <summary>Log lines of the host's readiness probe (event ids 4130–4139, docs/operations.md).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Not ready: check {Check} failed: {Description} ({Detail}).")]
    public static partial void NotReady(ILogger logger, string check, string description, string detail);
}
