using Microsoft.Extensions.Logging;

namespace AppLayer.Feed.Indexing;

/// <summary>Log lines of a package push, from the upload to its signed targets entry (event ids 4000–4019, docs/operations.md).</summary>
public static partial class PushLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Push received: {Bytes} bytes spooled.")]
    public static partial void Received(ILogger logger, long bytes);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Push validated: {PackageId} {Version}, kind {Kind}, customer {Customer}, SHA-512 {Sha512}.")]
    public static partial void Validated(ILogger logger, string packageId, string version, string kind, string customer, string sha512);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Push refused ({Result}, limit {Limit}): {Reason}")]
    public static partial void Refused(ILogger logger, PackageIndexingResult result, string limit, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Push stored: {PackageId} {Version}, {Bytes} bytes.")]
    public static partial void Stored(ILogger logger, string packageId, string version, long bytes);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Push signed: {PackageId} {Version} is in targets version {TargetsVersion}, valid until {Expires:O}.")]
    public static partial void Signed(ILogger logger, string packageId, string version, long targetsVersion, DateTimeOffset expires);
}
