namespace AppLayer.Core.SystemLayer;

/// <summary>A component's release cycle and the last day its vendor supports it (<c>null</c>: no announced end).</summary>
public sealed record SupportDate(string Component, string Cycle, string Name, DateOnly? EndsOn, DateTimeOffset? UpdatedAt, string? UpdatedBy);
