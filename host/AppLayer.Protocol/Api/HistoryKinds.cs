namespace AppLayer.Protocol.Api;

/// <summary>The kinds of history event the host writes, as <see cref="HistoryEventDto.Kind"/> names them.</summary>
public static class HistoryKinds
{
    public const string LegalChange = "legal-change";
    public const string UpdateApplied = "update-applied";
    public const string UpdateFailed = "update-failed";
    public const string UpdateRolledBack = "update-rolled-back";

    /// <summary>A manager released the hold a rollback put on an update for an installation (detail: who, why, which rollback).</summary>
    public const string HoldReleased = "hold-released";

    /// <summary>
    /// Every kind the host writes, in the order filters offer them (the dashboard's timeline filter, the CLI's help).
    /// A new kind is added here, or no filter lists it.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [LegalChange, UpdateApplied, UpdateFailed, UpdateRolledBack, HoldReleased, GateHistoryKinds.UpdateRehearsed, GateHistoryKinds.UpdateApproved, RolloutHistoryKinds.Halted, RolloutHistoryKinds.Resumed, RolloutHistoryKinds.Aborted];
}
