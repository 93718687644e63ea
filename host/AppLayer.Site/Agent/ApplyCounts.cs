namespace AppLayer.Site.Agent;

/// <summary>What one apply did: applied, failed, already there, waiting for the maintenance window.</summary>
internal sealed record ApplyCounts(int Applied, int Failed, int AlreadyApplied, int Waiting)
{
    /// <summary>A worker left the IS database damaged: the run stopped there and it is marked (<see cref="DamageMark"/>).</summary>
    public bool Damaged { get; init; }
}
