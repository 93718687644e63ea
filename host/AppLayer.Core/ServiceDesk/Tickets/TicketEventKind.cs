using System.Text.Json.Serialization;
using AppLayer.Protocol;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>
/// What one step of a ticket's flow was, stored in <c>ticket_events.kind</c> and written in JSON by its
/// kebab-case name (<c>receipt-confirmed</c>, <c>response-breached</c>, see <see cref="KebabNames"/>).
/// </summary>
[JsonConverter(typeof(KebabEnumConverter<TicketEventKind>))]
public enum TicketEventKind
{
    Registered,
    ReceiptConfirmed,
    Assigned,
    Informed,
    Waiting,
    Resumed,
    CustomerReplied,
    Resolved,
    Closed,
    Reopened,
    ResponseWarning,
    ResolutionWarning,
    ResponseBreached,
    ResolutionBreached,
}

/// <summary>What a step does to the SLA clock.</summary>
public static class TicketEventKindClock
{
    /// <summary>The step stops the SLA clock (waiting for the customer, resolved).</summary>
    public static bool Pauses(this TicketEventKind kind) => kind is TicketEventKind.Waiting or TicketEventKind.Resolved;

    /// <summary>The step starts a stopped SLA clock again.</summary>
    public static bool Resumes(this TicketEventKind kind) => kind is TicketEventKind.Resumed or TicketEventKind.Reopened or TicketEventKind.CustomerReplied;
}
