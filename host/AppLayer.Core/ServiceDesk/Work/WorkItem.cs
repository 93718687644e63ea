namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>
/// A consultation (category: consulting/technical and its area), a data fix (category: its
/// cause) or a feature request (with its estimate). <see cref="Chargeable"/> is whether its time
/// is customer support (billable) rather than covered by the agreement.
/// </summary>
public sealed record WorkItem(
    long Id,
    long CustomerId,
    WorkItemKind Kind,
    string Title,
    string Category,
    bool Chargeable,
    int? EstimateMinutes,
    string Outcome,
    long? TicketId,
    DateTimeOffset CreatedAt)
{
    public string Reference => Kind switch
    {
        WorkItemKind.Consultation => $"C-{Id}",
        WorkItemKind.DataFix => $"D-{Id}",
        _ => $"F-{Id}",
    };
}
