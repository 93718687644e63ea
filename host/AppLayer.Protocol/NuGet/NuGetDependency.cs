namespace AppLayer.Protocol.NuGet;

/// <summary>One dependency: the package id and its normalized version range.</summary>
public sealed record NuGetDependency(string Id, string Range);
