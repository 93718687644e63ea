namespace AppLayer.Core.Installations;

public sealed record Installation(
    long Id,
    long CustomerId,
    string Code,
    string Name,
    string IsVersion,
    IReadOnlyList<string> Modules,
    string TimeZone,
    DateTimeOffset CreatedAt);
