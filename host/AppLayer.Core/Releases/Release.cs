namespace AppLayer.Core.Releases;

public sealed record Release(long Id, string Name, IReadOnlyList<string> Packages, string Notes, DateTimeOffset CreatedAt);
