namespace AppLayer.Sdk;

/// <summary>Another update that must be applied first, at <see cref="MinVersion"/> or later.</summary>
public sealed record UpdateDependency(string Id, string MinVersion);
