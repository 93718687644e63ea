using System.Reflection;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Feed.Indexing;
using AppLayer.Site;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Tests.Logging;

/// <summary>Every [LoggerMessage] event id is used once across the host, the feed, Core and the site agent (docs/operations.md lists the ranges).</summary>
public sealed class EventIdTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(AppLayerHost).Assembly,
        typeof(PushLog).Assembly,
        typeof(MailLog).Assembly,
        typeof(SiteLog).Assembly,
    ];

    [Fact]
    public void No_two_log_messages_share_an_event_id()
    {
        var messages = LogMessages();

        messages.Select(m => m.Method).ShouldContain($"{nameof(PushLog)}.{nameof(PushLog.Received)}");
        messages.Select(m => m.Method).ShouldContain($"{nameof(MailLog)}.{nameof(MailLog.Queued)}");
        messages.Select(m => m.Method).ShouldContain($"{nameof(SiteLog)}.{nameof(SiteLog.PullStarted)}");
        messages.Select(m => m.Method).ShouldContain("EscalationLog.Started");
        var duplicates = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void Every_log_message_names_its_event_id()
    {
        LogMessages().Where(m => m.EventId <= 0).Select(m => m.Method).ShouldBeEmpty();
    }

    private static List<(int EventId, string Method)> LogMessages() =>
        [.. Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Attribute!.EventId, $"{m.Method.DeclaringType!.Name}.{m.Method.Name}"))];
}
