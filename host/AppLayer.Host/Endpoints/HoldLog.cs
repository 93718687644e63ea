namespace AppLayer.Host.Endpoints;

/// <summary>Log lines of holds on rolled-back updates (event ids 4140–4149, docs/operations.md).</summary>
internal static partial class HoldLog
{
    [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "Held {PackageId} {Version} for {Installation}: it rolled it back (report {ReportId}); not offered again until a manager releases the hold.")]
    public static partial void Held(ILogger logger, string installation, string packageId, string version, string reportId);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Information, Message = "Released the hold on {PackageId} {Version} for {Installation} (rollback report {ReportId}) by {Actor}; offered to the site again.")]
    public static partial void Released(ILogger logger, string installation, string packageId, string version, string reportId, string actor);
}
