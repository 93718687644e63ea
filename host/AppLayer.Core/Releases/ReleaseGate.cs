namespace AppLayer.Core.Releases;

/// <summary>A package version sites may only rehearse until a manager approves it for them.</summary>
public sealed record ReleaseGate(string PackageId, string Version, DateTimeOffset GatedAt, string GatedBy);
