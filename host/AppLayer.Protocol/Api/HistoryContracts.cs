namespace AppLayer.Protocol.Api;

// A customer's change history, as the API and its exports give it.

public sealed record HistoryEventDto(
    DateTimeOffset At,
    string Kind,
    string? Installation,
    string Subject,
    string Detail)
{
    /// <summary>The event's id; with <see cref="At"/> it orders the history.</summary>
    public long Id { get; init; }

    public IReadOnlyList<string> Modules { get; init; } = [];

    public IReadOnlyList<string> LegalReferences { get; init; } = [];
}
