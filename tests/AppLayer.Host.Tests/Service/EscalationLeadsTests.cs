using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Protocol;
using AppLayer.Host.ServiceDesk;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Service;

/// <summary>Who hears of an escalation (leads per customer and priority), and that escalation runs on a host without SMTP.</summary>
public static class EscalationLeadsTests
{
    public sealed class Leads : ServiceDeskFixture
    {
        public Leads()
            : base(
                ("AppLayer:ServiceDesk:EscalationAddress", "desk@supplier.cz"),
                ("AppLayer:ServiceDesk:Leads:novak/urgent", "urgent@supplier.cz"),
                ("AppLayer:ServiceDesk:Leads:novak", "novak-lead@supplier.cz"),
                ("AppLayer:ServiceDesk:Leads:*/high", "high@supplier.cz"))
        {
        }

        [Fact]
        public async Task The_most_specific_lead_gets_each_breach_then_the_default_address()
        {
            At(2024, 1, 22, 9);
            var novakUrgent = await OpenAsync("Payroll stopped", "urgent");
            var novakNormal = await OpenAsync("Report layout", "normal");
            var horakHigh = await OpenAsync("Invoices missing", "high", customer: "horak", contact: "eva@horak.cz");
            var horakLow = await OpenAsync("Typo in a label", "low", customer: "horak", contact: "eva@horak.cz");
            Host.Time.Advance(TimeSpan.FromDays(60));

            (await Host.Services.GetRequiredService<EscalationRunner>().RunAsync(CancellationToken.None)).Recorded.Count.ShouldBe(8);

            var recipients = await RecipientsAsync();
            recipients[novakUrgent.Id].ShouldBe(["urgent@supplier.cz"]);
            recipients[novakNormal.Id].ShouldBe(["novak-lead@supplier.cz"]);
            recipients[horakHigh.Id].ShouldBe(["high@supplier.cz"]);
            recipients[horakLow.Id].ShouldBe(["desk@supplier.cz"]);
        }

        private async Task<Dictionary<long, string[]>> RecipientsAsync()
        {
            await using var connection = await Host.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ticket_id, recipient FROM outbox WHERE subject LIKE '%Breached:%' ORDER BY id";
            var rows = new List<(long Ticket, string To)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }

            return rows.GroupBy(r => r.Ticket).ToDictionary(g => g.Key, g => g.Select(r => r.To).Distinct().ToArray());
        }
    }

    public sealed class WithoutSmtp : ServiceDeskFixture
    {
        public WithoutSmtp()
            : base(("AppLayer:Mail:PollInterval", "00:00:00.200"))
        {
        }

        [Fact]
        public async Task The_hosts_own_job_records_breaches_when_no_smtp_host_is_set_and_the_mail_waits_in_the_outbox()
        {
            At(2024, 1, 22, 9);
            var ticket = await OpenAsync("Payroll stopped", "urgent");
            Host.Time.Advance(TimeSpan.FromDays(60));

            var kinds = new List<string>();
            for (var attempt = 0; attempt < 300 && !kinds.Contains(TicketEventKind.ResolutionBreached.ToName()); attempt++)
            {
                await Task.Delay(100);
                kinds = [.. (await Manager.GetJsonAsync<AppLayer.Protocol.Api.TicketDto>($"/api/tickets/AL-{ticket.Id}")).Events.Select(e => e.Kind)];
            }

            kinds.ShouldContain(TicketEventKind.ResponseBreached.ToName());
            kinds.ShouldContain(TicketEventKind.ResolutionBreached.ToName());
            (await Host.CountAsync("outbox WHERE sent_at IS NULL AND subject LIKE '%Breached:%'")).ShouldBe(2);
        }
    }
}
