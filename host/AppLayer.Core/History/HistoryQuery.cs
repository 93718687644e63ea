namespace AppLayer.Core.History;

/// <summary>
/// Which events of one customer's history to read: every filter that is set must match.
/// The period is in whole UTC days, both ends included.
/// </summary>
public sealed record HistoryQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Event kinds (any of them); empty for every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>An IS module the event concerns (exact, case-insensitive).</summary>
    public string? Module { get; init; }

    /// <summary>Part of a legal reference the event concerns (case-insensitive), e.g. <c>349/2023</c>.</summary>
    public string? Legal { get; init; }

    /// <summary>The installation code (exact, case-insensitive).</summary>
    public string? Installation { get; init; }

    /// <summary>Start after this event; <c>null</c> for the first page.</summary>
    public HistoryCursor? After { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Newest first: <see cref="After"/> then pages towards older events, <see cref="Before"/> towards newer ones.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>
    /// Newest first only: the page of events just newer than this one (still shown newest first); the page's
    /// <see cref="HistoryPage.Next"/> is then set when there are newer events still.
    /// </summary>
    public HistoryCursor? Before { get; init; }

    /// <summary>The same filters with no paging: what an export of "everything that matches" reads.</summary>
    public HistoryQuery FirstPage(int limit) => this with { After = null, Limit = limit };
}
