
namespace AppLayer.Host;

/// <summary>Log lines of <c>applayer feed export --watch</c> (event ids 4110–4119).</summary>
internal static partial class FeedExportLog
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Watching: exporting the feed to {Target} at least every {Interval}; Ctrl+C stops.")]
    public static partial void Watching(ILogger logger, string target, TimeSpan interval);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Signed {File} version {Version}, valid until {Expires:O}.")]
    public static partial void Signed(ILogger logger, string file, long version, DateTimeOffset expires);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Round {Round}: exported {Packages} packages; the copy verifies until {ValidUntil:O}; next round at {Next:O}.")]
    public static partial void Exported(ILogger logger, int round, int packages, DateTimeOffset validUntil, DateTimeOffset next);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "Round {Round} failed; trying again in {Wait}.")]
    public static partial void Failed(ILogger logger, Exception exception, int round, TimeSpan wait);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Information, Message = "Stopped watching after {Rounds} round(s).")]
    public static partial void Stopped(ILogger logger, int rounds);
}
