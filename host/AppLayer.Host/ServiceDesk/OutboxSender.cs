using AppLayer.Core.Releases;
using AppLayer.Core.ServiceDesk.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AppLayer.Host.ServiceDesk;

/// <summary>
/// Sends what is due in the outbox through SMTP (MailKit). A mail is marked sent only after the
/// server accepted it; while the server is down each mail is retried with a growing pause. Each
/// mail keeps its Message-ID across attempts. One round at a time per process; across processes
/// the outbox lease keeps two senders off the same mail.
/// </summary>
public sealed class OutboxSender(IOutboxStore outbox, IOptions<MailOptions> options, TimeProvider time, ILogger<OutboxSender> logger) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <returns>How many mails the server accepted in this round.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var due = await outbox.ClaimDueAsync(now, now + Lease, 50, cancellationToken);
            if (due.Count == 0)
            {
                return 0;
            }

            using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
            SmtpConnection.Trust(client, settings);
            var sent = 0;
            foreach (var mail in due)
            {
                MailLog.Due(logger, mail.MessageId, mail.To, mail.Subject, mail.NotBefore, mail.Attempts + 1);
                try
                {
                    if (!client.IsConnected)
                    {
                        await SmtpConnection.OpenAsync(client, settings, cancellationToken);
                    }

                    await client.SendAsync(Compose(mail, settings.From), cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException or AuthenticationException or SslHandshakeException or System.Security.Authentication.AuthenticationException or NotSupportedException)
                {
                    var retryAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(mail.Attempts, 6))));
                    MailLog.Failed(logger, mail.MessageId, mail.To, mail.Attempts + 1, ex.Message, retryAt);
                    await outbox.MarkFailedAsync(mail.Id, ex.Message, retryAt, cancellationToken);
                    client.Dispose();
                    return sent + await ReleaseRestAsync(due, mail, cancellationToken);
                }

                await outbox.MarkSentAsync(mail.Id, time.GetUtcNow(), cancellationToken);
                MailLog.Sent(logger, mail.MessageId, mail.To, mail.Attempts + 1);
                sent++;
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public static MimeMessage Compose(OutgoingMail mail, string from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage
        {
            MessageId = mail.MessageId.Trim('<', '>'),
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (mail.InReplyTo is { } reply)
        {
            message.InReplyTo = reply.Trim('<', '>');
            message.References.Add(message.InReplyTo);
        }

        return message;
    }

    /// <summary>
    /// The server is down: the mails not tried in this round are given back as they were, due again right away next
    /// round; only a mail actually tried counts an attempt (and so a longer pause), so the backlog goes out as soon as
    /// the server is back.
    /// </summary>
    private async Task<int> ReleaseRestAsync(IReadOnlyList<OutgoingMail> due, OutgoingMail failed, CancellationToken cancellationToken)
    {
        var rest = due.SkipWhile(m => m.Id != failed.Id).Skip(1).ToList();
        foreach (var mail in rest)
        {
            await outbox.ReleaseAsync(mail.Id, cancellationToken);
        }

        if (rest.Count > 0)
        {
            MailLog.Deferred(logger, rest.Count);
        }

        return 0;
    }
}
