namespace AppLayer.Protocol.NuGet;

/// <summary>A package's dependencies for one target framework (its short folder name; <c>null</c>: any framework).</summary>
public sealed record NuGetDependencyGroup(string? TargetFramework, IReadOnlyList<NuGetDependency> Dependencies);
