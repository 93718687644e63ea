using AppLayer.Core.Installations;

namespace AppLayer.Core.History;

/// <summary>One line of a customer's change history.</summary>
public sealed record HistoryEvent(
    long Id,
    long CustomerId,
    DateTimeOffset At,
    string Kind,
    string? Installation,
    string Subject,
    string Detail)
{
    /// <summary>The IS modules the event concerns (lower case); empty when unknown.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>The legal references the event concerns; empty when none.</summary>
    public IReadOnlyList<string> LegalReferences { get; init; } = [];
}
