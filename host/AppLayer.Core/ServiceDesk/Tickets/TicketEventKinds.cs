namespace AppLayer.Core.ServiceDesk.Tickets;

public static class TicketEventKinds
{
    public const string Registered = "registered";
    public const string ReceiptConfirmed = "receipt-confirmed";
    public const string Assigned = "assigned";
    public const string Informed = "informed";
    public const string Waiting = "waiting";
    public const string Resumed = "resumed";
    public const string CustomerReplied = "customer-replied";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Reopened = "reopened";
    public const string ResponseWarning = "response-warning";
    public const string ResolutionWarning = "resolution-warning";
    public const string ResponseBreached = "response-breached";
    public const string ResolutionBreached = "resolution-breached";

    /// <summary>Events that stop the SLA clock and the events that start it again.</summary>
    public static bool Pauses(string kind) => kind is Waiting or Resolved;

    public static bool Resumes(string kind) => kind is Resumed or Reopened or CustomerReplied;
}
