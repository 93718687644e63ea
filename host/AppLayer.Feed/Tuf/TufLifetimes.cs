namespace AppLayer.Feed.Tuf;

/// <summary>How long each role's metadata stays valid once signed.</summary>
public static class TufLifetimes
{
    public static readonly TimeSpan Root = TimeSpan.FromDays(365);
    public static readonly TimeSpan Targets = TimeSpan.FromDays(90);
    public static readonly TimeSpan Snapshot = TimeSpan.FromDays(7);
    public static readonly TimeSpan Timestamp = TimeSpan.FromDays(1);

    /// <summary>A timestamp closer than this to its expiry is signed again when it is served.</summary>
    public static readonly TimeSpan TimestampRefresh = TimeSpan.FromHours(12);
}
