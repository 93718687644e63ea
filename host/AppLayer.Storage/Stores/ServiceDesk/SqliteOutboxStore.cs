using AppLayer.Core.ServiceDesk.Mail;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

internal sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string Selected = "id, message_id, ticket_id, recipient, subject, body, in_reply_to, not_before, attempts, last_error, sent_at";

    public async Task<IReadOnlyList<OutgoingMail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var claimed = await connection.QueryAsync(
            $"""
            UPDATE outbox SET leased_until = $lease
            WHERE id IN (
                SELECT id FROM outbox
                WHERE sent_at IS NULL AND not_before <= $now AND (leased_until IS NULL OR leased_until <= $now)
                ORDER BY not_before, id LIMIT $max)
            RETURNING {Selected};
            """,
            [("$now", Columns.Instant(now)), ("$lease", Columns.Instant(leaseUntil)), ("$max", max)],
            Read,
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return [.. claimed.OrderBy(m => m.NotBefore).ThenBy(m => m.Id)];
    }

    public async Task MarkSentAsync(long id, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET sent_at = $at, attempts = attempts + 1, leased_until = NULL WHERE id = $id AND sent_at IS NULL;",
            [("$id", id), ("$at", Columns.Instant(sentAt))],
            cancellationToken);
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $error, leased_until = $retry WHERE id = $id AND sent_at IS NULL;",
            [("$id", id), ("$error", error.Length > 1000 ? error[..1000] : error), ("$retry", Columns.Instant(retryAt))],
            cancellationToken);
    }

    public async Task ReleaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE outbox SET leased_until = NULL WHERE id = $id AND sent_at IS NULL;", [("$id", id)], cancellationToken);
    }

    public async Task<IReadOnlyList<OutgoingMail>> ListAsync(long? ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Selected} FROM outbox WHERE $ticket IS NULL OR ticket_id = $ticket ORDER BY id;",
            [("$ticket", ticketId)],
            Read,
            cancellationToken);
    }

    /// <summary>Queues mails inside another store's transaction.</summary>
    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, long? ticketId, IEnumerable<MailDraft> mails, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        foreach (var mail in mails)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox (message_id, ticket_id, recipient, subject, body, in_reply_to, not_before, created_at)
                VALUES ($id, $ticket, $to, $subject, $body, $reply, $notBefore, $at);
                """,
                [
                    ("$id", mail.MessageId), ("$ticket", ticketId), ("$to", mail.To), ("$subject", mail.Subject), ("$body", mail.Body),
                    ("$reply", mail.InReplyTo), ("$notBefore", Columns.Instant(mail.NotBefore)), ("$at", Columns.Instant(createdAt)),
                ],
                cancellationToken,
                transaction);
        }
    }

    private static OutgoingMail Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetInt64(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetNullableString(6),
        Columns.ReadInstant(r.GetString(7)),
        r.GetInt32(8),
        r.GetNullableString(9),
        Columns.ReadOptionalInstant(r.GetNullableString(10)));
}
