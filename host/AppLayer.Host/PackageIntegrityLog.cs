
namespace AppLayer.Host;

/// <summary>Log lines of the package integrity checks: on serve, by the scrub and by <c>feed verify</c> (event ids 4120–4129).</summary>
internal static partial class PackageIntegrityLog
{
    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "Refused to serve {PackageId} {Version}: {Reason}. The stored file is damaged; run 'applayer feed verify' and push the package again from its source.")]
    public static partial void Refused(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "Scrub: hashing every stored package against what the feed signed, every {Interval}.")]
    public static partial void Started(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "Scrub: {PackageId} {Version} is damaged: {Reason}.")]
    public static partial void Damaged(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "Scrub: {Checked} package(s) checked, {Damaged} damaged.")]
    public static partial void Finished(ILogger logger, int @checked, int damaged);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Error, Message = "Scrub failed; trying again in {Interval}.")]
    public static partial void Failed(ILogger logger, Exception exception, TimeSpan interval);
}
