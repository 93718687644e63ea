namespace AppLayer.Protocol.Api;

// Vendor support end dates of system software release cycles.

/// <summary>
/// A component's release cycle (<c>dotnet</c> <c>8</c>, <c>debian</c> <c>12</c>, <c>postgresql</c> <c>16</c>) and the day
/// its vendor's support ends (the last supported day); <c>null</c>: no announced end.
/// </summary>
public sealed record SupportDateDto(string Component, string Cycle, string Name, DateOnly? EndsOn, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>Sets a cycle's end of support (<c>PUT /api/support-dates/{component}/{cycle}</c>); without a date: no announced end.</summary>
public sealed record SetSupportDateRequest(DateOnly? EndsOn, string? Name = null);
