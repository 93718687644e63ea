using AppLayer.Protocol;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Core.ServiceDesk.Tickets;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

internal sealed class SqliteTicketStore(SqliteDatabase database) : ITicketStore
{
    private const string Selected =
        "id, customer_id, subject, body, service, priority, channel, contact_email, status, assignee, opened_at, responded_at, resolved_at, row_version";

    public async Task<Ticket> CreateAsync(
        Ticket ticket,
        IReadOnlyList<(TicketEventKind Kind, string Actor, string Text)> events,
        IReadOnlyList<MailDraft> mails,
        IReadOnlyList<string> messageIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO tickets (customer_id, subject, body, service, priority, channel, contact_email, status, assignee, opened_at, responded_at, resolved_at, updated_at, row_version)
            VALUES ($customer, $subject, $body, $service, $priority, $channel, $contact, $status, $assignee, $opened, $responded, $resolved, $opened, 1)
            RETURNING {Selected};
            """,
            [.. Parameters(ticket), ("$customer", ticket.CustomerId), ("$subject", ticket.Subject), ("$body", ticket.Body), ("$service", ticket.Service), ("$priority", KebabNames.Of(ticket.Priority)), ("$channel", KebabNames.Of(ticket.Channel)), ("$contact", ticket.ContactEmail), ("$opened", Columns.Instant(ticket.OpenedAt))],
            Read,
            cancellationToken,
            transaction);
        var tagged = mails.Select(m => m with { Subject = m.Subject.Replace("{tag}", stored!.Tag, StringComparison.Ordinal), Body = m.Body.Replace("{tag}", stored.Tag, StringComparison.Ordinal) }).ToList();
        await WriteAsync(connection, transaction, stored!.Id, ticket.OpenedAt, events, tagged, messageIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<Ticket?> SaveAsync(
        Ticket ticket,
        DateTimeOffset at,
        IReadOnlyList<(TicketEventKind Kind, string Actor, string Text)> events,
        IReadOnlyList<MailDraft> mails,
        IReadOnlyList<string> messageIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var stored = await connection.QuerySingleAsync(
            $"""
            UPDATE tickets SET status = $status, assignee = $assignee, responded_at = $responded, resolved_at = $resolved, updated_at = $at, row_version = row_version + 1
            WHERE id = $id AND row_version = $version
            RETURNING {Selected};
            """,
            [.. Parameters(ticket), ("$id", ticket.Id), ("$version", ticket.RowVersion), ("$at", Columns.Instant(at))],
            Read,
            cancellationToken,
            transaction);
        if (stored is null)
        {
            return null;
        }

        await WriteAsync(connection, transaction, ticket.Id, at, events, mails, messageIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<Ticket?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"SELECT {Selected} FROM tickets WHERE id = $id;", [("$id", id)], Read, cancellationToken);
    }

    public async Task<long?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync<long?>("SELECT ticket_id FROM ticket_messages WHERE message_id = $id;", [("$id", messageId)], cancellationToken);
    }

    public async Task<IReadOnlyList<Ticket>> ListAsync(long? customerId, bool openOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"""
            SELECT {Selected} FROM tickets
            WHERE ($customer IS NULL OR customer_id = $customer) AND ($open = 0 OR status NOT IN ('resolved', 'closed'))
            ORDER BY id DESC;
            """,
            [("$customer", customerId), ("$open", openOnly ? 1 : 0)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT id, ticket_id, at, kind, actor, text FROM ticket_events WHERE ticket_id = $id ORDER BY id;",
            [("$id", ticketId)],
            r => new TicketEvent(r.GetInt64(0), r.GetInt64(1), Columns.ReadInstant(r.GetString(2)), KebabNames.Parse<TicketEventKind>(r.GetString(3), "ticket event kind"), r.GetString(4), r.GetString(5)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<TicketEvent>> OpenTicketEventsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            """
            SELECT e.id, e.ticket_id, e.at, e.kind, e.actor, e.text FROM ticket_events e
            JOIN tickets t ON t.id = e.ticket_id
            WHERE t.status NOT IN ('resolved', 'closed')
            ORDER BY e.ticket_id, e.id;
            """,
            [],
            ReadEvent,
            cancellationToken);
    }

    public async Task<NoticeOutcome> RecordNoticeAsync(Ticket ticket, DateTimeOffset at, TicketEventKind kind, string actor, string text, MailDraft? mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO ticket_notices (ticket_id, kind, at)
            SELECT $ticket, $kind, $at WHERE EXISTS (SELECT 1 FROM tickets WHERE id = $ticket AND row_version = $version)
            ON CONFLICT (ticket_id, kind) DO NOTHING;
            """,
            [("$ticket", ticket.Id), ("$kind", kind.ToName()), ("$at", Columns.Instant(at)), ("$version", ticket.RowVersion)],
            cancellationToken,
            transaction);
        if (inserted == 0)
        {
            var known = await connection.ScalarAsync<long>(
                "SELECT COUNT(*) FROM ticket_notices WHERE ticket_id = $ticket AND kind = $kind;",
                [("$ticket", ticket.Id), ("$kind", kind.ToName())],
                cancellationToken,
                transaction);
            return known > 0 ? NoticeOutcome.AlreadyRecorded : NoticeOutcome.TicketChanged;
        }

        await WriteAsync(connection, transaction, ticket.Id, at, [(kind, actor, text)], mail is null ? [] : [mail], [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return NoticeOutcome.Recorded;
    }

    private static TicketEvent ReadEvent(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), Columns.ReadInstant(r.GetString(2)), KebabNames.Parse<TicketEventKind>(r.GetString(3), "ticket event kind"), r.GetString(4), r.GetString(5));

    private static async Task WriteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long ticketId,
        DateTimeOffset at,
        IReadOnlyList<(TicketEventKind Kind, string Actor, string Text)> events,
        IReadOnlyList<MailDraft> mails,
        IReadOnlyList<string> messageIds,
        CancellationToken cancellationToken)
    {
        foreach (var (kind, actor, text) in events)
        {
            await connection.ExecuteAsync(
                "INSERT INTO ticket_events (ticket_id, at, kind, actor, text) VALUES ($ticket, $at, $kind, $actor, $text);",
                [("$ticket", ticketId), ("$at", Columns.Instant(at)), ("$kind", kind.ToName()), ("$actor", actor), ("$text", text)],
                cancellationToken,
                transaction);
        }

        await SqliteOutboxStore.InsertAsync(connection, transaction, ticketId, mails, at, cancellationToken);
        foreach (var messageId in messageIds.Concat(mails.Select(m => m.MessageId)))
        {
            await connection.ExecuteAsync(
                "INSERT INTO ticket_messages (message_id, ticket_id) VALUES ($id, $ticket) ON CONFLICT DO NOTHING;",
                [("$id", messageId), ("$ticket", ticketId)],
                cancellationToken,
                transaction);
        }
    }

    private static (string, object?)[] Parameters(Ticket ticket) =>
    [
        ("$status", KebabNames.Of(ticket.Status)),
        ("$assignee", ticket.Assignee),
        ("$responded", Columns.Instant(ticket.RespondedAt)),
        ("$resolved", Columns.Instant(ticket.ResolvedAt)),
    ];

    private static Ticket Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        KebabNames.Parse<Priority>(r.GetString(5), "priority"),
        KebabNames.Parse<TicketChannel>(r.GetString(6), "channel"),
        r.GetNullableString(7),
        KebabNames.Parse<TicketStatus>(r.GetString(8), "status"),
        r.GetNullableString(9),
        Columns.ReadInstant(r.GetString(10)),
        Columns.ReadOptionalInstant(r.GetNullableString(11)),
        Columns.ReadOptionalInstant(r.GetNullableString(12)),
        r.GetInt32(13));
}
