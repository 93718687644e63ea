
namespace AppLayer.Host;

/// <summary>Log lines of taking in site agents' deployment reports, online and from offline report files (event ids 4040–4059, docs/operations.md).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(EventId = 4040, Level = LogLevel.Information, Message = "Report {ReportId} received from installation {InstallationId}: {PackageId} {Version} {Status}.")]
    public static partial void Received(ILogger logger, string reportId, long installationId, string packageId, string version, string status);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Information, Message = "Report {ReportId} recorded: {PackageId} {Version} {Status} on installation {InstallationId}.")]
    public static partial void Recorded(ILogger logger, string reportId, long installationId, string packageId, string version, string status);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Information, Message = "Report {ReportId} from installation {InstallationId} was recorded before; answered as such (idempotent).")]
    public static partial void Duplicate(ILogger logger, string reportId, long installationId);

    [LoggerMessage(EventId = 4043, Level = LogLevel.Information, Message = "Report file of installation {Installation} imported: {Stored} recorded, {Repeated} recorded before.")]
    public static partial void Imported(ILogger logger, string installation, int stored, int repeated);

    [LoggerMessage(EventId = 4044, Level = LogLevel.Information, Message = "Report file of installation {Installation} (customer {Customer}) received: {Reports} report(s).")]
    public static partial void FileReceived(ILogger logger, string installation, string customer, int reports);

    [LoggerMessage(EventId = 4045, Level = LogLevel.Warning, Message = "Report file of installation {Installation} refused, nothing imported: {Reason}")]
    public static partial void FileRefused(ILogger logger, string installation, string reason);
}
