using Microsoft.Extensions.Logging;

namespace AppLayer.Core.ServiceDesk.Tickets;

/// <summary>Ticket lines of the service desk (event ids 4170–4179, docs/operations.md).</summary>
public static partial class TicketLog
{
    [LoggerMessage(EventId = 4170, Level = LogLevel.Information, Message = "Reply to {Old} (resolved {ResolvedAt:O}, past the reopen window) opened {Ticket}.")]
    public static partial void FollowUp(ILogger logger, string ticket, string old, DateTimeOffset? resolvedAt);
}
