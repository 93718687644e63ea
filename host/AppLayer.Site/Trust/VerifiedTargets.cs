using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>
/// The outcome of a verified refresh: the top-level targets, the roles they delegate to, and the
/// snapshot that fixes each delegated role's version; delegated roles verified since are kept here.
/// </summary>
internal sealed class VerifiedTargets(TufDocument snapshot, IReadOnlyDictionary<string, SignedTarget> targets, TufDelegationSet delegations)
{
    public TufDocument Snapshot { get; } = snapshot;

    public IReadOnlyDictionary<string, SignedTarget> Targets { get; } = targets;

    public TufDelegationSet Delegations { get; } = delegations;

    /// <summary>Delegated roles verified in this run, by role name.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, SignedTarget>> Delegated { get; } = new(StringComparer.Ordinal);
}
