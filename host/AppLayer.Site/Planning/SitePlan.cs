using System.Text.Json.Serialization;
using AppLayer.Protocol;

namespace AppLayer.Site.Planning;

/// <summary>What <c>applayer site plan</c> shows: the installation's facts, the window and each update's fate, in order.</summary>
public sealed record SitePlan(
    string Installation,
    string Customer,
    string IsVersion,
    IReadOnlyList<string> Modules,
    string TimeZone,
    DateTimeOffset At,
    string? MaintenanceWindow,
    bool WindowOpen,
    DateTimeOffset? WindowOpensAt,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<string> Warnings)
{
    /// <summary>What a run needs on the disk beside the IS database before it starts (journal, rehearsal copy, snapshot).</summary>
    public long DiskNeededBytes { get; init; }

    /// <summary>What is free there now.</summary>
    public long DiskFreeBytes { get; init; }

    /// <summary>The two in words.</summary>
    public string? Disk { get; init; }
}

/// <summary>
/// One update: <see cref="Action"/> is <c>apply</c> (with its <see cref="Order"/>), <c>emergency</c>
/// (applies outside the window), <c>rehearse</c> (gated: only rehearsed on a copy until a manager approves it),
/// <c>wait</c> (outside the window, or its dependency awaits approval or could not be verified), <c>applied</c>,
/// <c>blocked</c>, <c>refused</c> or <c>skipped</c> (listed, but the last pull could not verify it), with the reason. <see cref="Gate"/> is the release gate as the host listed it at the last pull.
/// </summary>
public sealed record PlanItem(
    int? Order,
    string Id,
    string Version,
    string Kind,
    string Title,
    DateOnly? EffectiveDate,
    IReadOnlyList<string> LegalReferences,
    string IsVersionRange,
    string Sha512,
    PlanAction Action,
    string? Reason)
{
    /// <summary><c>rehearse-only</c>, <c>approved</c>, or <c>null</c> when the update is not gated.</summary>
    public string? Gate { get; init; }

    /// <summary>The gate in words: <c>rehearse only: awaiting approval</c>, <c>approved</c>, or <c>null</c> when not gated.</summary>
    public string? GateStatus => PlanGate.Describe(Gate);
}

/// <summary>What the plan does with one update, written as its kebab-case name (<c>apply</c>, <c>held</c>) in the plan and its JSON.</summary>
[JsonConverter(typeof(KebabEnumConverter<PlanAction>))]
public enum PlanAction
{
    /// <summary>Applied in this run, in its order.</summary>
    Apply,

    /// <summary>An emergency legal update: applied outside the maintenance window.</summary>
    Emergency,

    /// <summary>Gated: rehearsed on a copy of the IS database only, until a manager approves it.</summary>
    Rehearse,

    /// <summary>Outside the window, or its dependency awaits approval or could not be verified.</summary>
    Wait,

    /// <summary>Already applied here (that version or a later one).</summary>
    Applied,

    /// <summary>Cannot apply (its IS version range, modules or dependencies say no).</summary>
    Blocked,

    /// <summary>Refused: the package differs from the one applied here under that version, or its manifest cannot be read.</summary>
    Refused,

    /// <summary>Listed, but the last pull could not verify it.</summary>
    Skipped,

    /// <summary>Rolled back here: not applied again until a manager releases the hold on the host.</summary>
    Held,
}

/// <summary>A plan item with the cached package and manifest it decides about (none for a skipped update; no manifest for one decided from its listing).</summary>
internal sealed record PlanStep(PlanItem Item, Packages.CachedPackage? Package, Sdk.UpdateManifest? Manifest)
{
    /// <summary>It waits only because the maintenance window is closed.</summary>
    public bool OutsideWindow { get; init; }

    /// <summary>The rollback that holds it back (<see cref="PlanAction.Held"/>).</summary>
    public Agent.RollbackEntry? HeldBy { get; init; }
}

/// <summary>The plan as shown, and its steps in order, for the applier to execute; the window it was decided against (none with --now).</summary>
internal sealed record DecidedPlan(SitePlan Plan, IReadOnlyList<PlanStep> Steps, Scheduling.MaintenanceWindow? Window);
