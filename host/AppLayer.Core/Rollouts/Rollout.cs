namespace AppLayer.Core.Rollouts;

/// <summary>Where a rollout stands. Only an <see cref="Active"/> rollout offers its version to anyone.</summary>
public enum RolloutState
{
    Active,
    Halted,
    Aborted,
}

/// <summary>
/// A staged rollout of one package version: rings of installations that receive it one after another, each after
/// the previous one baked for its time, halted when too many installations fail or roll it back.
/// </summary>
/// <param name="Percents">Cumulative shares of the installations per ring, rising, the last 100.</param>
/// <param name="BakeHours">Each ring's bake before the next one opens (one per ring, the canary ring first when there is one).</param>
/// <param name="CanaryCustomerIds">Customers whose installations form ring 0 (canary), ahead of the percentages; empty: no canary ring.</param>
/// <param name="StateChangedAt">When <see cref="State"/> last changed (the creation, a halt, a resume, an abort).</param>
/// <param name="Paused">The time the rollout spent halted before its last resume: the ring schedule moves on by it.</param>
public sealed record Rollout(
    long Id,
    string PackageId,
    string Version,
    IReadOnlyList<int> Percents,
    IReadOnlyList<int> BakeHours,
    IReadOnlyList<long> CanaryCustomerIds,
    double HaltRate,
    int HaltMinimum,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    RolloutState State,
    DateTimeOffset StateChangedAt,
    TimeSpan Paused)
{
    /// <summary>Rings in order: the canary ring (when there is one), then one per percentage.</summary>
    public int RingCount => Percents.Count + (CanaryCustomerIds.Count > 0 ? 1 : 0);
}

/// <summary>One line of a rollout's audit trail.</summary>
public sealed record RolloutEvent(DateTimeOffset At, string Action, string Actor, string Reason);

/// <summary>Installations (each once) that reported a version, by their reports' statuses.</summary>
public sealed record RolloutCounts(int Applied, int Failed, int RolledBack)
{
    /// <summary>Installations that failed or rolled the version back.</summary>
    public int Bad => Failed + RolledBack;

    public int Reported => Applied + Failed + RolledBack;
}

/// <summary>
/// A freeze: from <see cref="From"/> to <see cref="To"/> (days in Europe/Prague, both included) only urgent legal
/// updates go out, to one customer (<see cref="CustomerId"/>) or to everyone (<c>null</c>).
/// </summary>
public sealed record Freeze(long Id, DateOnly From, DateOnly To, long? CustomerId, string? Customer, string Reason, DateTimeOffset CreatedAt, string CreatedBy)
{
    public bool Covers(DateOnly day, long customerId) => day >= From && day <= To && (CustomerId is null || CustomerId == customerId);
}
