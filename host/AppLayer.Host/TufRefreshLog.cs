using Microsoft.Extensions.Logging;

namespace AppLayer.Host;

/// <summary>Log lines of keeping the signed metadata fresh (event ids 4100–4109).</summary>
internal static partial class TufRefreshLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Signed metadata refresh: checking every {Interval}, signing a role again when less than {Fraction:P0} of its lifetime is left.")]
    public static partial void Started(ILogger logger, TimeSpan interval, double fraction);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Signed {File} version {Version} again, valid until {Expires:O} ({Trigger}).")]
    public static partial void Signed(ILogger logger, string file, long version, DateTimeOffset expires, string trigger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Signed metadata checked: {Count} file(s) signed again.")]
    public static partial void Checked(ILogger logger, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Signed metadata refresh failed; it is tried again in {Interval}.")]
    public static partial void Failed(ILogger logger, Exception exception, TimeSpan interval);
}
