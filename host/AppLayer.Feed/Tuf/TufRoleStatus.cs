namespace AppLayer.Feed.Tuf;

/// <summary>
/// One role's current metadata: its file, version and expiry, and when the host signs it again
/// (<c>null</c> for root, which only <c>applayer keys rotate</c> signs, with the offline key).
/// </summary>
public sealed record TufRoleStatus(string File, string Role, long Version, DateTimeOffset Expires, DateTimeOffset? RefreshAt)
{
    public bool IsExpired(DateTimeOffset now) => Expires <= now;
}
