namespace AppLayer.Core.ServiceDesk.Mail;

/// <summary>
/// The outbox: mails are written in the same transaction as the change that causes them and
/// leave it only when the SMTP server accepted them. A claim is a lease, so two senders never
/// hold the same mail, and a sender that died releases it when the lease runs out.
/// </summary>
public interface IOutboxStore
{
    /// <returns>Up to <paramref name="max"/> unsent mails due at <paramref name="now"/>, now leased until <paramref name="leaseUntil"/>.</returns>
    Task<IReadOnlyList<OutgoingMail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; the mail is due again at <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Gives back a claimed mail that was never tried (the server was down): due again at once, its attempts and last error unchanged.</summary>
    Task ReleaseAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutgoingMail>> ListAsync(long? ticketId, CancellationToken cancellationToken);
}
