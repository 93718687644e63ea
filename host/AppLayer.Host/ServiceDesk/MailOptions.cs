namespace AppLayer.Host.ServiceDesk;

/// <summary>Outgoing mail (<c>AppLayer:Mail:*</c>); without an SMTP host, mail waits in the outbox.</summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public string From { get; set; } = "AppLayer Help Desk <helpdesk@applayer.local>";

    /// <summary>How often the outbox and the escalation checks run.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one SMTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
