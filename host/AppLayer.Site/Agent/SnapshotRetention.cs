namespace AppLayer.Site.Agent;

/// <summary>
/// How many snapshots (<c>&lt;db&gt;.applayer/snapshots/</c>) the agent keeps: the newest <see cref="Keep"/> and every
/// one younger than <see cref="Days"/> days, whichever keeps more; the one the newest applied update needs for
/// <c>site rollback</c> is never pruned. Kept in <c>applayer_settings</c>, set with <c>site snapshots</c>.
/// </summary>
public sealed record SnapshotRetention(int Keep, int Days)
{
    public static SnapshotRetention Default { get; } = new(3, 30);

    public override string ToString() => $"the newest {Keep} and those younger than {Days} days";
}
