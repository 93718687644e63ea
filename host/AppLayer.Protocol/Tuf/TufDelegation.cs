namespace AppLayer.Protocol.Tuf;

/// <summary>One entry of a targets document's <c>delegations.roles</c>.</summary>
public sealed record TufDelegation(string Name, IReadOnlySet<string> KeyIds, int Threshold, bool Terminating, IReadOnlyList<string> Paths)
{
    public bool Covers(string targetPath) => Paths.Any(p => TufDelegations.Matches(p, targetPath));
}
