namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>
/// A quote for a feature, with its technical specification; approved by a contact of the same customer.
/// <see cref="Price"/> is the fixed price, or for an estimate the estimated amount; <see cref="Cap"/> (an estimate's
/// only) is the most its time is billed at in all.
/// </summary>
public sealed record Quote(
    long Id,
    long WorkItemId,
    decimal Price,
    string Specification,
    DateTimeOffset SentAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    QuoteBasis Basis = QuoteBasis.Fixed,
    decimal? Cap = null)
{
    public bool IsApproved => ApprovedAt is not null;
}
