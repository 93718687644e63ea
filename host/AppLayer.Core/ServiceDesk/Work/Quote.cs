namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>A quote for a feature, with its technical specification; approved by a contact of the same customer.</summary>
public sealed record Quote(
    long Id,
    long WorkItemId,
    decimal Price,
    string Specification,
    DateTimeOffset SentAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt)
{
    public bool IsApproved => ApprovedAt is not null;
}
