using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace AppLayer.Host.ServiceDesk;

/// <summary>Connects MailKit's SMTP client as <see cref="MailOptions"/> say: STARTTLS or TLS, a trusted extra certificate, authentication.</summary>
internal static class SmtpConnection
{
    public static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    /// <summary>Accepts what the system trusts, and the one certificate of <see cref="MailOptions.TrustedCertificate"/>.</summary>
    public static void Trust(SmtpClient client, MailOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.TrustedCertificate))
        {
            return;
        }

        var pinned = X509CertificateLoader.LoadCertificateFromFile(settings.TrustedCertificate);
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData));
    }

    public static async Task OpenAsync(SmtpClient client, MailOptions settings, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, Socket(settings.Security), cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.UserName))
        {
            if (!client.IsSecure)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
                throw new AuthenticationException($"The SMTP server {settings.SmtpHost}:{settings.SmtpPort} offers no TLS; the password is not sent over a plain connection.");
            }

            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }
    }
}
