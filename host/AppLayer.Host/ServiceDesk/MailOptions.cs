namespace AppLayer.Host.ServiceDesk;

/// <summary>Outgoing mail (<c>AppLayer:Mail:*</c>); without an SMTP host, mail waits in the outbox.</summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>
    /// How the connection is secured: <c>WhenAvailable</c> (default: STARTTLS when the server offers it),
    /// <c>StartTls</c> (required; no mail goes out over a plain connection), <c>Tls</c> (TLS from the first byte, port 465)
    /// or <c>None</c>.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.WhenAvailable;

    /// <summary>The SMTP user to authenticate as (with <see cref="Password"/>); without it, no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// A certificate file (PEM or DER) the server may present besides those the system trusts, e.g. a self-signed one of
    /// an internal relay: accepted only when the server presents exactly that certificate.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    public string From { get; set; } = "AppLayer Help Desk <helpdesk@applayer.local>";

    /// <summary>How often the outbox and the escalation checks run.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one SMTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How the SMTP connection is secured (<see cref="MailOptions.Security"/>).</summary>
public enum SmtpSecurity
{
    WhenAvailable,
    StartTls,
    Tls,
    None,
}
