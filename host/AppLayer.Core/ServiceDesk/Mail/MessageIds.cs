namespace AppLayer.Core.ServiceDesk.Mail;

/// <summary>Message-IDs of outgoing mail: unique, stable across retries (so a receiver can tell a repeat).</summary>
public static class MessageIds
{
    public const string Domain = "applayer.local";

    public static string New(string what) => $"<{what}.{Guid.NewGuid():N}@{Domain}>";
}
