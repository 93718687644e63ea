namespace AppLayer.Protocol.Api;

/// <summary>
/// A manager's staged rollout of one package version (<c>POST /api/rollouts</c>). Every field but the version is
/// optional: the defaults are rings of 1 %, 10 %, 50 % and 100 % of the entitled installations, 24 hours' bake each,
/// halted when at least 3 installations and 10 % of those that reported failed or rolled back.
/// </summary>
/// <param name="Percents">Cumulative shares of the installations, rising, the last 100 (e.g. 1, 10, 50, 100).</param>
/// <param name="BakeHours">How long each ring runs before the next opens (1 to 720 hours).</param>
/// <param name="Canary">Customers (codes) whose installations form a first ring of their own, before the percentages.</param>
/// <param name="HaltRate">The share of failed or rolled-back reports (0 to 1, exclusive of 0) that halts the rollout.</param>
/// <param name="HaltMinimum">The fewest failed or rolled-back installations that can halt it.</param>
public sealed record CreateRolloutRequest(
    string PackageId,
    string Version,
    IReadOnlyList<int>? Percents = null,
    int? BakeHours = null,
    IReadOnlyList<string>? Canary = null,
    double? HaltRate = null,
    int? HaltMinimum = null);

/// <summary>Why a manager halts, resumes or aborts a rollout (in the audit trail and the customers' histories).</summary>
public sealed record RolloutActionRequest(string? Reason);

/// <summary>One ring of a rollout: who is in it and when it opens (the halted time does not count).</summary>
/// <param name="Name"><c>canary</c> or the ring's share, e.g. <c>10%</c>.</param>
/// <param name="OpensAt">When it opened or will open while the rollout runs; <c>null</c> while it is halted or aborted and not yet open.</param>
public sealed record RolloutRingDto(int Index, string Name, int Percent, int BakeHours, DateTimeOffset? OpensAt, bool Open);

/// <summary>Installations (each counted once) that reported the version: applied, failed, rolled back.</summary>
public sealed record RolloutCountsDto(int Applied, int Failed, int RolledBack);

/// <summary>One line of a rollout's audit trail: created, halted (by a manager or the failure rule), resumed, aborted.</summary>
public sealed record RolloutEventDto(DateTimeOffset At, string Action, string Actor, string Reason);

/// <summary>
/// A staged rollout. <see cref="State"/> is <c>active</c>, <c>halted</c> or <c>aborted</c>; a halted or aborted
/// rollout's version is offered to no installation. <see cref="Warnings"/> names what keeps the plan from reaching
/// every ring before the update's effective date.
/// </summary>
public sealed record RolloutDto(
    string PackageId,
    string Version,
    string State,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<string> Canary,
    double HaltRate,
    int HaltMinimum,
    DateOnly? EffectiveDate,
    IReadOnlyList<RolloutRingDto> Rings,
    RolloutCountsDto Reports,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<RolloutEventDto> Events);

/// <summary>
/// A freeze (<c>POST /api/freezes</c>): from <see cref="From"/> to <see cref="To"/> (whole days in Europe/Prague,
/// both included) only urgent legal updates (legislative and marked emergency in their manifest) are offered, to one
/// customer's installations or (no customer) to everyone's.
/// </summary>
public sealed record AddFreezeRequest(DateOnly From, DateOnly To, string? Customer, string? Reason);

public sealed record FreezeDto(long Id, DateOnly From, DateOnly To, string? Customer, string Reason, DateTimeOffset CreatedAt, string CreatedBy);
