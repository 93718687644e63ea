namespace AppLayer.Core.LegalChanges;

/// <summary>One line of a legal change's audit trail: who changed what, when, from what to what.</summary>
public sealed record LegalChangeAudit(
    long Id,
    long LegalChangeId,
    DateTimeOffset At,
    string Actor,
    string Field,
    string? OldValue,
    string? NewValue);
