namespace AppLayer.Protocol.Api;

// Time entries: work minutes on a ticket or work item, covered or billable.

/// <summary>Time on a ticket (<c>AL-12</c>) or a work item (<c>C-3</c>, <c>D-4</c>, <c>F-5</c>).</summary>
public sealed record AddTimeRequest(string On, string Worker, DateTimeOffset StartedAt, int Minutes, string? Note = null, string? Customer = null);

public sealed record TimeEntryDto(long Id, string Customer, string Reference, string Kind, bool Chargeable, string Worker, DateTimeOffset StartedAt, int Minutes, string Note);
