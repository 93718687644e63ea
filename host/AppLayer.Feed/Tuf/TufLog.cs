using Microsoft.Extensions.Logging;

namespace AppLayer.Feed.Tuf;

/// <summary>
/// Log lines of signing the feed's TUF metadata and of the host's background freshness check
/// (event ids 4100–4109, docs/operations.md; 4100–4103 kept the ids they had before signing was logged here).
/// </summary>
public static partial class TufLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Signed metadata refresh: checking every {Interval}, signing a role again when less than {Fraction:P0} of its lifetime is left.")]
    public static partial void RefreshStarted(ILogger logger, TimeSpan interval, double fraction);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Signed {File} ({Role}) version {Version}, valid until {Expires:O} ({Trigger}).")]
    public static partial void Signed(ILogger logger, string file, string role, long version, DateTimeOffset expires, string trigger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Signed metadata checked: {Count} file(s) signed again.")]
    public static partial void RefreshChecked(ILogger logger, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Signed metadata refresh failed; it is tried again in {Interval}.")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Signing keys created: root version {RootVersion}, valid until {Expires:O}.")]
    public static partial void Initialized(ILogger logger, long rootVersion, DateTimeOffset expires);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Root version {RootVersion} signed with new keys for {Roles}.")]
    public static partial void Rotated(ILogger logger, long rootVersion, string roles);
}
