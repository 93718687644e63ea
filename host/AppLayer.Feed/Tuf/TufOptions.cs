namespace AppLayer.Feed.Tuf;

/// <summary>
/// How long each role's signed metadata lives and when the host signs it again
/// (configuration section <c>AppLayer:Tuf</c>; validated when the host starts). The online roles
/// (targets and the delegated <c>customer-*</c> roles, snapshot, timestamp) are signed again, each
/// with a new version, once less than <see cref="RefreshFraction"/> of their lifetime is left:
/// lazily when metadata is served and by a background check every <see cref="CheckInterval"/>.
/// </summary>
public sealed class TufOptions
{
    /// <summary>The section under <c>AppLayer</c>.</summary>
    public const string Section = "Tuf";

    /// <summary>A new root (signed offline, by <c>applayer keys init</c> and <c>keys rotate</c>) lives this long (default 365 days).</summary>
    public TimeSpan RootLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary><c>targets.json</c> and each <c>customer-{code}.json</c> (default 90 days).</summary>
    public TimeSpan TargetsLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary><c>snapshot.json</c> (default 7 days).</summary>
    public TimeSpan SnapshotLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary><c>timestamp.json</c> (default 1 day): how long a site (or a mirror) may go on trusting a frozen feed.</summary>
    public TimeSpan TimestampLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A role is signed again once less than this part of its lifetime is left (default 0.5: half).</summary>
    public double RefreshFraction { get; set; } = 0.5;

    /// <summary>How often the background service checks (default 15 minutes); must be well inside the timestamp's refresh window.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long before its expiry a role of this lifetime is signed again.</summary>
    public TimeSpan RefreshWindow(TimeSpan lifetime) => lifetime * RefreshFraction;

    /// <summary>Why these settings cannot keep the feed fresh, or <c>null</c> when they can.</summary>
    public string? Problem()
    {
        if (RootLifetime <= TimeSpan.Zero || TargetsLifetime <= TimeSpan.Zero || SnapshotLifetime <= TimeSpan.Zero || TimestampLifetime <= TimeSpan.Zero)
        {
            return "AppLayer:Tuf lifetimes (RootLifetime, TargetsLifetime, SnapshotLifetime, TimestampLifetime) must be positive.";
        }

        if (TimestampLifetime < TimeSpan.FromMinutes(5))
        {
            return "AppLayer:Tuf:TimestampLifetime must be at least 5 minutes (sites poll it).";
        }

        if (!(TimestampLifetime <= SnapshotLifetime && SnapshotLifetime <= TargetsLifetime && TargetsLifetime <= RootLifetime))
        {
            return "AppLayer:Tuf lifetimes must grow from timestamp to snapshot to targets to root (TimestampLifetime <= SnapshotLifetime <= TargetsLifetime <= RootLifetime).";
        }

        if (!(RefreshFraction > 0.05 && RefreshFraction < 0.95))
        {
            return "AppLayer:Tuf:RefreshFraction must be between 0.05 and 0.95 (the part of a lifetime left when a role is signed again).";
        }

        if (CheckInterval <= TimeSpan.Zero || CheckInterval > RefreshWindow(TimestampLifetime) / 2)
        {
            return $"AppLayer:Tuf:CheckInterval must be positive and at most half the timestamp's refresh window ({RefreshWindow(TimestampLifetime) / 2}).";
        }

        return null;
    }
}
