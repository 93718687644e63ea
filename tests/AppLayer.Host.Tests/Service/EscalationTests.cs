using System.Net;
using AppLayer.Protocol;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Host.ServiceDesk;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Host.Tests.Service.Mail;
using AppLayer.Protocol.Api;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace AppLayer.Host.Tests.Service;

/// <summary>
/// SLA escalation over weeks of runs on a fake clock with about a thousand open tickets: each
/// warning and breach once per ticket and clock, no warning after its deadline, the mails counted
/// at a real SMTP server on loopback.
/// </summary>
public sealed class EscalationTests
{
    private static readonly string[] Notices =
        [TicketEventKind.ResponseWarning.ToName(), TicketEventKind.ResponseBreached.ToName(), TicketEventKind.ResolutionWarning.ToName(), TicketEventKind.ResolutionBreached.ToName()];

    public sealed class RunAsync : ServiceDeskFixture
    {
        private const int Tickets = 1000;

        /// <summary>Tickets whose every mail goes through the SMTP server (each mail costs tens of milliseconds there).</summary>
        private const int MailedTickets = 60;
        private static readonly LoopbackSmtpServer Smtp = new();
        private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

        public RunAsync()
            : base(("AppLayer:Mail:SmtpHost", "127.0.0.1"), ("AppLayer:Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("AppLayer:Mail:PollInterval", "01:00:00"), ("AppLayer:Mail:Timeout", "00:00:05"))
        {
        }

        private EscalationRunner Runner => Host.Services.GetRequiredService<EscalationRunner>();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Smtp.StartAsync();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.StopAsync();
        }

        [Fact]
        public async Task Warns_once_before_and_records_the_breach_once_per_ticket_and_clock_over_weeks_of_hourly_runs()
        {
            At(2024, 1, 22, 8);
            await OpenManyAsync(MailedTickets, ["normal", "low"]);
            var received = Smtp.Received.Count;

            var runs = 0;
            var recorded = 0;
            for (var hour = 0; hour < 24 * 21; hour++)
            {
                var local = Instant.FromDateTimeOffset(Host.Time.GetUtcNow()).InZone(Prague).LocalDateTime;
                var covered = local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && local.Hour is >= 8 and <= 16;
                if (covered || local.Hour == 20)
                {
                    recorded += (await Runner.RunAsync(CancellationToken.None)).Recorded.Count;
                    await SendAllAsync();
                    runs++;
                }

                Host.Time.Advance(TimeSpan.FromHours(1));
            }

            At(2024, 2, 13, 9);
            (await Runner.RunAsync(CancellationToken.None)).Recorded.ShouldBeEmpty();
            await SendAllAsync();

            runs.ShouldBeGreaterThan(100);
            recorded.ShouldBe(MailedTickets * 4);
            var notices = await NoticeEventsAsync();
            notices.Count.ShouldBe(MailedTickets * 4);
            notices.GroupBy(n => n.TicketId).ShouldAllBe(g => g.Select(n => n.Kind).Order().SequenceEqual(Notices.Order()));
            await ShouldKeepTheDeadlinesAsync(notices, everyWarning: true);
            (await Host.CountAsync("ticket_notices")).ShouldBe(MailedTickets * 4);

            var mails = Smtp.Received.Skip(received).ToList();
            mails.Count.ShouldBe(MailedTickets * 4);
            mails.Select(m => m.MessageId).Distinct().Count().ShouldBe(MailedTickets * 4);
            mails.ShouldAllBe(m => m.To.Mailboxes.Single().Address == "escalation@helpdesk.applayer.local");
            mails.Count(m => m.Subject!.Contains("Breach warning: ", StringComparison.Ordinal)).ShouldBe(MailedTickets * 2);
            mails.Count(m => m.Subject!.Contains("Breached: ", StringComparison.Ordinal)).ShouldBe(MailedTickets * 2);
            mails.GroupBy(m => m.Subject![..m.Subject!.IndexOf(']', StringComparison.Ordinal)]).ShouldAllBe(g => g.Count() == 4);
        }

        [Fact]
        public async Task Records_the_breach_once_and_never_a_late_warning_when_runs_come_a_day_apart()
        {
            At(2024, 1, 22, 9);
            await OpenManyAsync(Tickets, ["urgent", "high", "normal", "low"]);

            var lastRuns = new List<int>();
            for (var day = 0; day < 40; day++)
            {
                Host.Time.Advance(TimeSpan.FromDays(1));
                var run = await Runner.RunAsync(CancellationToken.None);
                if (day >= 30)
                {
                    lastRuns.Add(run.Recorded.Count);
                }
            }

            lastRuns.ShouldAllBe(n => n == 0);
            var notices = await NoticeEventsAsync();
            notices.GroupBy(n => (n.TicketId, n.Kind)).ShouldAllBe(g => g.Count() == 1);
            notices.Count(n => n.Kind == TicketEventKind.ResponseBreached.ToName()).ShouldBe(Tickets);
            notices.Count(n => n.Kind == TicketEventKind.ResolutionBreached.ToName()).ShouldBe(Tickets);
            await ShouldKeepTheDeadlinesAsync(notices, everyWarning: false);
            (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, CancellationToken.None)).Count(m => m.To.StartsWith("escalation@", StringComparison.Ordinal)).ShouldBe(notices.Count);
        }

        [Fact]
        public async Task Records_each_notice_once_when_two_runs_race()
        {
            At(2024, 1, 22, 8);
            await OpenManyAsync(Tickets, ["normal"]);
            At(2024, 1, 22, 15); // 420 of the 510 response minutes: a response warning for each
            var other = ActivatorUtilities.CreateInstance<EscalationService>(Host.Services);

            var runs = await Task.WhenAll(Task.Run(() => Runner.RunAsync(CancellationToken.None)), Task.Run(() => other.RunAsync(CancellationToken.None)));

            runs.Sum(r => r.Recorded.Count).ShouldBe(Tickets);
            (await NoticeEventsAsync()).ShouldAllBe(n => n.Kind == TicketEventKind.ResponseWarning.ToName());
            (await NoticeEventsAsync()).Count.ShouldBe(Tickets);
            (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(null, CancellationToken.None)).Count.ShouldBe(Tickets);
            (await other.RunAsync(CancellationToken.None)).Recorded.ShouldBeEmpty();
        }

        private Task OpenManyAsync(int count, string[] priorities) => EscalationTests.OpenManyAsync(Host, count, priorities);
        private async Task SendAllAsync()
        {
            var sender = Host.Services.GetRequiredService<OutboxSender>();
            while (await sender.SendDueAsync(CancellationToken.None) > 0)
            {
            }
        }

        private async Task<List<(long TicketId, string Kind, DateTimeOffset At)>> NoticeEventsAsync()
        {
            await using var connection = await Host.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ticket_id, kind, at FROM ticket_events WHERE kind LIKE '%-warning' OR kind LIKE '%-breached' ORDER BY id";
            var rows = new List<(long, string, DateTimeOffset)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return rows;
        }

        /// <summary>Each warning before its clock's deadline (and, with <paramref name="everyWarning"/>, at or after 80 % of it), each breach at or after it.</summary>
        private async Task ShouldKeepTheDeadlinesAsync(List<(long TicketId, string Kind, DateTimeOffset At)> notices, bool everyWarning)
        {
            var tickets = (await Host.Services.GetRequiredService<TicketService>().ListAsync(null, openOnly: false, CancellationToken.None)).ToDictionary(t => t.Id);
            foreach (var (id, kind, at) in notices)
            {
                var sla = tickets[id].Sla;
                var due = kind.StartsWith("response", StringComparison.Ordinal) ? sla.ResponseDue!.Value : sla.ResolutionDue!.Value;
                if (kind.EndsWith("-warning", StringComparison.Ordinal))
                {
                    at.ShouldBeLessThan(due, $"{kind} of AL-{id}");
                }
                else
                {
                    at.ShouldBeGreaterThanOrEqualTo(due, $"{kind} of AL-{id}");
                }
            }

            if (everyWarning)
            {
                notices.Count(n => n.Kind.EndsWith("-warning", StringComparison.Ordinal)).ShouldBe(tickets.Count * 2);
            }
        }
    }

    public sealed class PausedAndReopened : ServiceDeskFixture
    {
        private async Task<int> RunAsync() =>
            (await Manager.PostJsonAsync<Dictionary<string, int>>("/api/service-desk/escalate", new { }, HttpStatusCode.OK))["recorded"];

        private async Task<List<string>> KindsAsync(long id) =>
            [.. (await Manager.GetJsonAsync<TicketDto>($"/api/tickets/{id}")).Events.Select(e => e.Kind).Where(k => Notices.Contains(k))];

        [Fact]
        public async Task A_paused_clock_comes_due_only_after_it_runs_again_and_warns_once()
        {
            At(2024, 1, 15, 10);
            var ticket = await OpenAsync("Urgent: invoices", priority: "urgent"); // response 60 business minutes
            Host.Time.Advance(TimeSpan.FromMinutes(50));
            (await RunAsync()).ShouldBe(1); // warning at 50 of 60
            await StepAsync(ticket.Id, "wait", new TicketNoteRequest("Which invoices?"));

            Host.Time.Advance(TimeSpan.FromDays(3));
            (await RunAsync()).ShouldBe(0);
            await StepAsync(ticket.Id, "resume");
            Host.Time.Advance(TimeSpan.FromMinutes(5));
            (await RunAsync()).ShouldBe(0);
            Host.Time.Advance(TimeSpan.FromMinutes(5));
            (await RunAsync()).ShouldBe(1);
            (await RunAsync()).ShouldBe(0);

            (await KindsAsync(ticket.Id)).ShouldBe([TicketEventKind.ResponseWarning.ToName(), TicketEventKind.ResponseBreached.ToName()]);
        }

        [Fact]
        public async Task A_reopened_ticket_gets_no_second_warning_or_breach_of_its_resolution_clock()
        {
            At(2024, 1, 15, 10);
            var ticket = await OpenAsync("Urgent: invoices", priority: "urgent"); // resolution 480 business minutes
            await StepAsync(ticket.Id, "assign", new AssignTicketRequest("tomas"));
            At(2024, 1, 16, 12);
            (await RunAsync()).ShouldBe(1); // resolution breached; the response came in time
            await StepAsync(ticket.Id, "resolve", new TicketNoteRequest("Fixed."));
            await StepAsync(ticket.Id, "reopen", new TicketNoteRequest("Not fixed."));

            for (var day = 0; day < 5; day++)
            {
                Host.Time.Advance(TimeSpan.FromDays(1));
                (await RunAsync()).ShouldBe(0);
            }

            (await KindsAsync(ticket.Id)).ShouldBe([TicketEventKind.ResolutionBreached.ToName()]);
        }
    }

    public sealed class RecordNoticeAsync : ServiceDeskFixture
    {
        [Fact]
        public async Task Records_a_notice_of_a_ticket_once_however_often_it_is_asked()
        {
            var opened = await OpenAsync();
            var store = Host.Services.GetRequiredService<ITicketStore>();
            var ticket = (await store.FindAsync(opened.Id, CancellationToken.None))!;
            MailDraft Mail() => new(MessageIds.New("response-breached"), "lead@example.com", "Breached", "text", null, ticket.OpenedAt);

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                store.RecordNoticeAsync(ticket, ticket.OpenedAt, TicketEventKind.ResponseBreached, "help-desk", "missed", Mail(), CancellationToken.None))));

            outcomes.Count(o => o == NoticeOutcome.Recorded).ShouldBe(1);
            outcomes.Count(o => o == NoticeOutcome.AlreadyRecorded).ShouldBe(7);
            (await store.RecordNoticeAsync(ticket, ticket.OpenedAt, TicketEventKind.ResponseWarning, "help-desk", "late", Mail(), CancellationToken.None)).ShouldBe(NoticeOutcome.Recorded);
            (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(ticket.Id, CancellationToken.None)).Count(m => m.To == "lead@example.com").ShouldBe(2);
            (await store.EventsAsync(ticket.Id, CancellationToken.None)).Count(e => e.Kind == TicketEventKind.ResponseBreached).ShouldBe(1);
        }

        [Fact]
        public async Task Records_nothing_for_a_ticket_changed_since_it_was_read()
        {
            var opened = await OpenAsync();
            var store = Host.Services.GetRequiredService<ITicketStore>();
            var ticket = (await store.FindAsync(opened.Id, CancellationToken.None))!;
            await StepAsync(ticket.Id, "assign", new AssignTicketRequest("tomas"));

            (await store.RecordNoticeAsync(ticket, ticket.OpenedAt, TicketEventKind.ResponseWarning, "help-desk", "w", null, CancellationToken.None)).ShouldBe(NoticeOutcome.TicketChanged);
            (await Host.CountAsync("ticket_notices")).ShouldBe(0);
        }
    }

    public sealed class Logging : ServiceDeskFixture
    {
        public Logging()
            : base(("Logging:LogLevel:AppLayer.Host.ServiceDesk.EscalationRunner", "Debug"), ("Logging:LogLevel:AppLayer.Core", "Information"))
        {
        }

        private EscalationRunner Runner => Host.Services.GetRequiredService<EscalationRunner>();

        private Task OpenManyAsync(int count, string[] priorities) => EscalationTests.OpenManyAsync(Host, count, priorities);

        [Fact]
        public async Task Logs_the_tickets_it_examined_the_notices_it_recorded_and_the_mails_it_queued()
        {
            using var logs = new CapturingLoggerProvider(typeof(EscalationRunner).FullName!, typeof(EscalationService).FullName!);
            Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
            At(2024, 1, 22, 8);
            await OpenManyAsync(3, ["normal"]);
            At(2024, 1, 22, 15);

            await Runner.RunAsync(CancellationToken.None);

            logs.WithId(4080).Count.ShouldBe(1);
            logs.WithId(4081).ShouldHaveSingleItem().Properties["Examined"].ShouldBe(3);
            var notices = logs.WithId(4082);
            notices.Count.ShouldBe(3);
            notices.ShouldAllBe(n => (string)n.Properties["Kind"]! == TicketEventKind.ResponseWarning.ToName() && (bool)n.Properties["Mailed"]!);
            notices.Select(n => (string)n.Properties["Ticket"]!).Distinct().Count().ShouldBe(3);
            var done = logs.WithId(4083).ShouldHaveSingleItem();
            done.Message.ShouldContain("3 open tickets examined, 3 warnings and 0 breaches recorded, 3 mails queued");
            done.Properties["Examined"].ShouldBe(3);
            done.Properties["Warnings"].ShouldBe(3);
            done.Properties["Breaches"].ShouldBe(0);
            done.Properties["Mails"].ShouldBe(3);
            var queued = logs.WithId(4060);
            queued.Select(q => q.Properties["Ticket"]).ShouldBe(notices.Select(n => n.Properties["Ticket"]), ignoreOrder: true);
            queued.ShouldAllBe(q => ((string)q.Properties["MessageId"]!).Length > 0);
        }
    }

    /// <summary>Opens tickets without a contact (so no customer mail), two of three for novak, one for horak.</summary>
    private static async Task OpenManyAsync(HostFactory host, int count, string[] priorities)
    {
        var tickets = host.Services.GetRequiredService<TicketService>();
        for (var i = 0; i < count; i++)
        {
            await tickets.OpenAsync(new OpenTicketRequest(i % 3 == 0 ? "horak" : "novak", $"Request {i}", "Something is wrong.", Priority: priorities[i % priorities.Length]), null, CancellationToken.None);
        }
    }
}
