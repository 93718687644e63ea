namespace AppLayer.Protocol.Api;

// Releases: immutable, named sets of update packages with their notes.

public sealed record CreateReleaseRequest(string Name, IReadOnlyList<string> Packages);

public sealed record ReleaseDto(string Name, IReadOnlyList<string> Packages, string Notes, DateTimeOffset CreatedAt);
