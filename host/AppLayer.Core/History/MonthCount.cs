namespace AppLayer.Core.History;

/// <summary>How many events of one kind a customer had in one month (UTC); <see cref="Month"/> is its first day.</summary>
public sealed record MonthCount(DateOnly Month, int Count);
