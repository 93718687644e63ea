namespace AppLayer.Protocol.Api;

// Holds: an update an installation rolled back is not offered to it again until a manager releases the hold.

/// <summary>An installation's rollback of an update, held (<see cref="Held"/>) or released by a manager.</summary>
public sealed record UpdateHoldDto(
    string Installation,
    string PackageId,
    string Version,
    string RollbackReportId,
    DateTimeOffset RolledBackAt,
    string Message,
    bool Held,
    DateTimeOffset? ReleasedAt,
    string? ReleasedBy,
    string? Reason);

/// <summary>Releases the hold on one package version for one installation: the host offers it to that site again.</summary>
public sealed record ReleaseHoldRequest(string Installation, string PackageId, string Version, string? Reason = null);
