using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>
/// Time entries on tickets and work items: positive, not overlapping the worker's other time,
/// within the life of what they are logged on (<see cref="DaysBefore"/>, <see cref="DaysAhead"/>),
/// and no billable work on a feature above the quote threshold without an approved quote.
/// </summary>
public sealed class TimeService(ServiceDeskDirectory directory, IWorkStore work, ITicketStore tickets, TimeProvider time)
{
    /// <summary>Work may start at most this many days before its ticket or work item was registered (work begun on the phone, registered later).</summary>
    public const int DaysBefore = 7;

    /// <summary>Work may start at most this many days after now (work planned ahead is logged when done; beyond this it is a typo like 2031).</summary>
    public const int DaysAhead = 90;

    public async Task<TimeEntryDto> AddAsync(AddTimeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var on = (request.On ?? string.Empty).Trim().Trim('[', ']');
        TimeEntry entry;
        if (on.StartsWith(Ticket.TagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var ticket = await tickets.FindAsync(TicketService.ParseReference(on), cancellationToken)
                ?? throw new NotFoundException($"Ticket {on.ToUpperInvariant()} does not exist.");
            entry = NewEntry(ticket.CustomerId, ticket.Tag.Trim('[', ']'), ticket.Id, null, WorkKind.Support, ticket.Service == ServiceNames.CustomerSupport, request.Worker, request.StartedAt, request.Minutes, request.Note ?? string.Empty);
            RequireWithinLife(entry, ticket.OpenedAt, "was opened", time.GetUtcNow());
        }
        else
        {
            var (kind, id) = ParseItemReference(on);
            var item = await work.FindItemAsync(id, cancellationToken);
            if (item is null || item.Kind != kind)
            {
                throw new NotFoundException($"'{request.On}' does not exist.");
            }

            entry = NewEntry(item.CustomerId, item.Reference, item.TicketId, item.Id, KindOf(item.Kind), item.Chargeable, request.Worker, request.StartedAt, request.Minutes, request.Note ?? string.Empty);
            RequireWithinLife(entry, item.CreatedAt, "was recorded", time.GetUtcNow());
            if (item.Kind == WorkItemKind.Feature)
            {
                await RequireQuoteAsync(item, entry, cancellationToken);
            }
        }

        var customer = await directory.CustomerAsync(entry.CustomerId, cancellationToken);
        if (request.Customer is { Length: > 0 } code && !string.Equals(code.Trim(), customer.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserException($"'{request.On}' belongs to customer '{customer.Code}', not '{code.Trim()}'.");
        }

        var stored = await work.AddTimeAsync(entry, cancellationToken)
            ?? throw new UserException($"The time {entry.StartedAt:u} + {entry.Minutes} min overlaps other time of {entry.Worker}.");
        return stored.ToDto(customer.Code);
    }

    public async Task<IReadOnlyList<TimeEntryDto>> ListAsync(string customerCode, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(customerCode, cancellationToken);
        return [.. (await work.ListTimeAsync(customer.Id, from, to, cancellationToken)).Select(e => e.ToDto(customer.Code))];
    }

    /// <summary>Checks an entry's fields; the overlap is checked by the store in the same transaction as the insert.</summary>
    public static TimeEntry NewEntry(long customerId, string reference, long? ticketId, long? itemId, WorkKind kind, bool chargeable, string? worker, DateTimeOffset startedAt, int minutes, string note)
    {
        if (minutes <= 0)
        {
            throw new UserException($"Time must be a positive number of minutes, not {minutes}.");
        }

        if (minutes > 24 * 60)
        {
            throw new UserException("One time entry may not be longer than 24 hours.");
        }

        if (startedAt == default)
        {
            throw new UserException("The start of the work is required.");
        }

        return new TimeEntry(0, customerId, reference, ticketId, itemId, kind, chargeable, Require.Text(worker, "Worker", 100), startedAt.ToUniversalTime(), minutes, note.Trim());
    }

    /// <summary>
    /// Refuses an entry that starts more than <see cref="DaysBefore"/> days before <paramref name="registered"/> (when
    /// given) or more than <see cref="DaysAhead"/> days after <paramref name="now"/>.
    /// </summary>
    public static void RequireWithinLife(TimeEntry entry, DateTimeOffset? registered, string registeredWhat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (registered is { } at && entry.StartedAt < at.AddDays(-DaysBefore))
        {
            throw new UserException(
                $"Time on {entry.Reference} starting {entry.StartedAt:u} is more than {DaysBefore} days before it {registeredWhat} ({at:u}).");
        }

        if (entry.StartedAt > now.AddDays(DaysAhead))
        {
            throw new UserException($"Time on {entry.Reference} starting {entry.StartedAt:u} is more than {DaysAhead} days ahead; time is logged for work done.");
        }
    }

    /// <summary>Reads "C-3", "D-4" or "F-5".</summary>
    public static (WorkItemKind Kind, long Id) ParseItemReference(string? reference)
    {
        var text = (reference ?? string.Empty).Trim();
        WorkItemKind? kind = text.Length > 2 && text[1] == '-' ? char.ToUpperInvariant(text[0]) switch
        {
            'C' => WorkItemKind.Consultation,
            'D' => WorkItemKind.DataFix,
            'F' => WorkItemKind.Feature,
            _ => null,
        } : null;
        return kind is { } k && long.TryParse(text[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? (k, id)
            : throw new UserException($"'{reference}' is not a ticket or work item (e.g. AL-12, C-3, D-4, F-5).");
    }

    /// <summary>
    /// A feature with a quote takes time only from the quote's approval on; one without a quote only while it stays
    /// within the agreement's threshold.
    /// </summary>
    private async Task RequireQuoteAsync(WorkItem feature, TimeEntry entry, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(feature.CustomerId, cancellationToken);
        var terms = (await directory.AgreementAsync(customer, ServiceDeskDirectory.Day(entry.StartedAt), cancellationToken)).Terms;
        var quote = await work.FindQuoteForItemAsync(feature.Id, cancellationToken);
        if (quote is null)
        {
            var logged = await work.MinutesOnItemAsync(feature.Id, cancellationToken);
            if (feature.EstimateMinutes > terms.QuoteThresholdMinutes || logged + entry.Minutes > terms.QuoteThresholdMinutes)
            {
                throw new UserException(
                    $"Feature {feature.Reference} is above the agreement's threshold of {terms.QuoteThresholdMinutes / 60m:0.##} h: billable work needs a quote the customer approved first.");
            }

            return;
        }

        if (quote.ApprovedAt is not { } approvedAt)
        {
            throw new UserException($"Feature {feature.Reference}'s quote {quote.Id} is not approved yet: work on it needs the customer's approval first.");
        }

        if (entry.StartedAt < approvedAt)
        {
            throw new UserException($"Feature {feature.Reference}'s quote was approved at {approvedAt:u}: work before the approval is not billed under it.");
        }
    }

    private static WorkKind KindOf(WorkItemKind kind) => kind switch
    {
        WorkItemKind.Consultation => WorkKind.Consultation,
        WorkItemKind.DataFix => WorkKind.DataFix,
        _ => WorkKind.Development,
    };
}
