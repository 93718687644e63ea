using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Host.ServiceDesk;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Tests.Service.Mail;

/// <summary>The outbox through MailKit to a real SMTP server on loopback, which is stopped and restarted mid-test.</summary>
public sealed class MailDeliveryTests : ServiceDeskFixture
{
    private static readonly LoopbackSmtpServer Smtp = new();

    public MailDeliveryTests()
        : base(("AppLayer:Mail:SmtpHost", "127.0.0.1"), ("AppLayer:Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("AppLayer:Mail:PollInterval", "01:00:00"), ("AppLayer:Mail:Timeout", "00:00:05"), ("Logging:LogLevel:AppLayer", "Information"))
    {
    }

    private OutboxSender Sender => Host.Services.GetRequiredService<OutboxSender>();

    private IOutboxStore Outbox => Host.Services.GetRequiredService<IOutboxStore>();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.StopAsync();
    }

    [Fact]
    public async Task Every_mail_of_the_flow_arrives_exactly_once_while_the_server_goes_down_and_comes_back()
    {
        await Smtp.StartAsync();
        At(2024, 1, 15, 10);
        var first = await OpenAsync("Payroll export fails");
        (await SendAsync()).ShouldBe(1);

        await Smtp.StopAsync();
        await StepAsync(first.Id, "assign", new AssignTicketRequest("tomas"));
        await StepAsync(first.Id, "inform", new TicketNoteRequest("We are on it."));
        var urgent = await OpenAsync("Invoices cannot be printed", priority: "urgent");
        (await SendAsync()).ShouldBe(0);
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        (await SendAsync()).ShouldBe(0);
        var waiting = await Outbox.ListAsync(null, CancellationToken.None);
        waiting.Count(m => m.SentAt is null).ShouldBe(2);
        waiting.Where(m => m.SentAt is null).Select(m => (m.Attempts, m.LastError is null)).ShouldBe([(2, false), (0, true)]); // the second never tried

        await Smtp.StartAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        (await SendAsync()).ShouldBe(2);

        await StepAsync(first.Id, "resolve", new TicketNoteRequest("Fixed."));
        Host.Time.Advance(TimeSpan.FromMinutes(30)); // 50 of the urgent ticket's 60 response minutes
        await Manager.PostJsonAsync<Dictionary<string, int>>("/api/service-desk/escalate", new { }, System.Net.HttpStatusCode.OK);
        (await SendAsync()).ShouldBe(2);
        (await SendAsync()).ShouldBe(0);

        var outbox = await Outbox.ListAsync(null, CancellationToken.None);
        outbox.Count.ShouldBe(5);
        outbox.ShouldAllBe(m => m.SentAt != null);
        var received = Smtp.Received.ToList();
        received.Select(m => "<" + m.MessageId + ">").OrderBy(id => id, StringComparer.Ordinal).ShouldBe(outbox.Select(m => m.MessageId).OrderBy(id => id, StringComparer.Ordinal));
        received.Select(m => m.Subject).ShouldContain($"[AL-{first.Id}] Received: Payroll export fails");
        received.Select(m => m.Subject).ShouldContain($"[AL-{first.Id}] Status: Payroll export fails");
        received.Select(m => m.Subject).ShouldContain($"[AL-{first.Id}] Resolved: Payroll export fails");
        received.Single(m => m.Subject!.Contains("Breach warning", StringComparison.Ordinal)).To.Mailboxes.Single().Address.ShouldBe("escalation@helpdesk.applayer.local");
        received.Single(m => m.Subject == $"[AL-{urgent.Id}] Received: Invoices cannot be printed").To.Mailboxes.Single().Address.ShouldBe("jana@novak.cz");
    }

    [Fact]
    public async Task Logs_each_mail_when_queued_sent_and_failed_with_the_time_of_its_retry()
    {
        using var logs = new CapturingLoggerProvider(typeof(TicketService).FullName!, typeof(OutboxSender).FullName!);
        Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await Smtp.StartAsync();
        At(2024, 1, 15, 10);
        var ticket = await OpenAsync("Payroll export fails");
        var receipt = logs.WithId(4060).ShouldHaveSingleItem();
        receipt.Properties["To"].ShouldBe("jana@novak.cz");
        receipt.Properties["Ticket"].ShouldBe($"[AL-{ticket.Id}]");
        var receiptId = (string)receipt.Properties["MessageId"]!;

        (await SendAsync()).ShouldBe(1);

        logs.WithId(4061).ShouldHaveSingleItem().Properties["MessageId"].ShouldBe(receiptId);
        var sent = logs.WithId(4062).ShouldHaveSingleItem();
        sent.Properties["MessageId"].ShouldBe(receiptId);
        sent.Properties["Attempt"].ShouldBe(1);

        await Smtp.StopAsync();
        await StepAsync(ticket.Id, "inform", new TicketNoteRequest("We are on it."));
        var statusId = (string)logs.WithId(4060).Last().Properties["MessageId"]!;
        (await SendAsync()).ShouldBe(0);

        var failed = logs.WithId(4063).ShouldHaveSingleItem();
        failed.Level.ShouldBe(LogLevel.Warning);
        failed.Properties["MessageId"].ShouldBe(statusId);
        failed.Properties["Attempt"].ShouldBe(1);
        ((string)failed.Properties["Error"]!).ShouldNotBeEmpty();
        ((DateTimeOffset)failed.Properties["RetryAt"]!).ShouldBeGreaterThan(Host.Time.GetUtcNow());
        logs.WithId(4062).Count.ShouldBe(1);
    }

    [Fact]
    public async Task After_an_outage_mails_never_tried_are_not_counted_as_failed_and_go_out_in_the_first_round_back()
    {
        using var logs = new CapturingLoggerProvider(typeof(OutboxSender).FullName!);
        Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        At(2024, 1, 15, 10);
        await Smtp.StopAsync();
        var tickets = new List<TicketDto>();
        for (var i = 0; i < 10; i++)
        {
            tickets.Add(await OpenAsync($"Request {i}", priority: "urgent"));
        }

        for (var round = 0; round < 12; round++) // three minutes of rounds every 15 s against a stopped server
        {
            (await SendAsync()).ShouldBe(0);
            Host.Time.Advance(TimeSpan.FromSeconds(15));
        }

        var tried = logs.WithId(4061).GroupBy(l => (string)l.Properties["MessageId"]!).ToDictionary(g => g.Key, g => g.Count());
        var waiting = await Outbox.ListAsync(null, CancellationToken.None);
        waiting.Count.ShouldBe(10);
        waiting.ShouldAllBe(m => m.Attempts == tried.GetValueOrDefault(m.MessageId)); // attempts are tries, nothing else
        var untried = waiting.Where(m => m.Attempts == 0).ToList();
        untried.Count.ShouldBeGreaterThan(0);
        untried.ShouldAllBe(m => m.LastError == null);

        await Smtp.StartAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        (await SendAsync()).ShouldBeGreaterThanOrEqualTo(untried.Count);
        var received = Smtp.Received.Select(m => "<" + m.MessageId + ">").ToHashSet(StringComparer.Ordinal);
        untried.ShouldAllBe(m => received.Contains(m.MessageId));
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        await SendAsync();
        (await Outbox.ListAsync(null, CancellationToken.None)).ShouldAllBe(m => m.SentAt != null);
        Smtp.Received.Count(m => m.Subject!.Contains("Received: Request", StringComparison.Ordinal)).ShouldBe(10);
    }

    /// <summary>One round of the sender, then the SMTP server's store is given a moment to settle.</summary>
    private async Task<int> SendAsync() => await Sender.SendDueAsync(CancellationToken.None);
}
