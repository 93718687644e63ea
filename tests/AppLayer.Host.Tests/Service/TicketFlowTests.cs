using System.Net;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Service;

public static class TicketFlowTests
{
    public sealed class Flow : ServiceDeskFixture
    {
        [Fact]
        public async Task Goes_from_registered_through_assigned_informed_waiting_resolved_to_closed_and_reopened()
        {
            At(2024, 1, 15, 10);
            var opened = await OpenAsync();
            opened.Status.ShouldBe("registered");
            opened.Tag.ShouldBe($"[AL-{opened.Id}]");
            opened.Events.Select(e => e.Kind).ShouldBe(["registered", "receipt-confirmed"]);
            opened.Sla.ResponseDue.ShouldBe(new DateTimeOffset(2024, 1, 16, 9, 0, 0, TimeSpan.Zero)); // 510 business minutes: 10:00 → next day 10:00 CET

            Host.Time.Advance(TimeSpan.FromMinutes(30));
            var assigned = await StepAsync(opened.Id, "assign", new AssignTicketRequest("tomas"));
            assigned.Status.ShouldBe("assigned");
            assigned.RespondedAt.ShouldBe(Host.Time.GetUtcNow());
            await StepAsync(opened.Id, "inform", new TicketNoteRequest("We reproduced it on a copy of your data."));

            Host.Time.Advance(TimeSpan.FromHours(1));
            var waiting = await StepAsync(opened.Id, "wait", new TicketNoteRequest("Which IS version runs the export?"));
            waiting.Sla.Paused.ShouldBeTrue();
            waiting.Sla.ElapsedMinutes.ShouldBe(90);
            Host.Time.Advance(TimeSpan.FromHours(3));
            (await Host.Services.GetRequiredService<AppLayer.Core.ServiceDesk.Tickets.TicketService>().GetAsync(opened.Id, CancellationToken.None)).Sla.ElapsedMinutes.ShouldBe(90);
            await StepAsync(opened.Id, "resume");

            Host.Time.Advance(TimeSpan.FromMinutes(20));
            var resolved = await StepAsync(opened.Id, "resolve", new TicketNoteRequest("Fixed by update Cz.Payroll 1.0.1."));
            resolved.Status.ShouldBe("resolved");
            resolved.Sla.ElapsedMinutes.ShouldBe(110);
            (await StepAsync(opened.Id, "close")).Status.ShouldBe("closed");
            var reopened = await StepAsync(opened.Id, "reopen", new TicketNoteRequest("It fails again for employee 18."));
            reopened.Status.ShouldBe("assigned");

            reopened.Events.Select(e => e.Kind).ShouldBe(["registered", "receipt-confirmed", "assigned", "informed", "waiting", "resumed", "resolved", "closed", "reopened"]);
            var mails = await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(opened.Id, CancellationToken.None);
            mails.Select(m => m.Subject.Split(' ')[1]).ShouldBe(["Received:", "Status:", "We", "Resolved:", "Reopened:"]);
            mails.ShouldAllBe(m => m.To == "jana@novak.cz" && m.Subject.StartsWith($"[AL-{opened.Id}] ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Closing_an_open_ticket_is_refused_with_409()
        {
            var ticket = await OpenAsync();

            (await RefusedAsync($"/api/tickets/{ticket.Id}/close", new TicketNoteRequest(), HttpStatusCode.Conflict)).ShouldContain("only a resolved ticket can be closed");
        }
    }

    public sealed class MailHours : ServiceDeskFixture
    {
        [Fact]
        public async Task A_receipt_opened_on_Friday_evening_waits_for_Monday_0800_unless_urgent()
        {
            At(2024, 1, 19, 18);
            var normal = await OpenAsync("Normal at night");
            var urgent = await OpenAsync("Server down", priority: "urgent");

            var outbox = Host.Services.GetRequiredService<IOutboxStore>();
            (await outbox.ListAsync(normal.Id, CancellationToken.None)).Single().NotBefore.ShouldBe(new DateTimeOffset(2024, 1, 22, 7, 0, 0, TimeSpan.Zero));
            (await outbox.ListAsync(urgent.Id, CancellationToken.None)).Single().NotBefore.ShouldBe(Host.Time.GetUtcNow());
        }
    }

    public sealed class Escalation : ServiceDeskFixture
    {
        [Fact]
        public async Task Warns_once_before_the_response_target_and_records_the_breach_after_it()
        {
            At(2024, 1, 15, 10);
            var ticket = await OpenAsync("Urgent: invoices", priority: "urgent"); // response 60, resolution 480 business minutes
            var run = async () => (await Manager.PostJsonAsync<Dictionary<string, int>>("/api/service-desk/escalate", new { }, HttpStatusCode.OK))["recorded"];

            Host.Time.Advance(TimeSpan.FromMinutes(47));
            (await run()).ShouldBe(0);
            Host.Time.Advance(TimeSpan.FromMinutes(1)); // 48 of 60 minutes = 80 %
            (await run()).ShouldBe(1);
            (await run()).ShouldBe(0);
            Host.Time.Advance(TimeSpan.FromMinutes(12));
            (await run()).ShouldBe(1);

            var events = (await Manager.GetJsonAsync<TicketDto>($"/api/tickets/{ticket.Id}")).Events.Select(e => e.Kind).ToList();
            events.ShouldBe(["registered", "receipt-confirmed", "response-warning", "response-breached"]);
            var escalations = (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(ticket.Id, CancellationToken.None)).Where(m => m.To.StartsWith("escalation@", StringComparison.Ordinal)).ToList();
            escalations.Select(m => m.Subject).ShouldBe([$"[AL-{ticket.Id}] Breach warning: response due 2024-01-15 10:00:00Z: Urgent: invoices", $"[AL-{ticket.Id}] Breached: response due 2024-01-15 10:00:00Z: Urgent: invoices"], ignoreOrder: true);
        }
    }

    public sealed class BadInput : ServiceDeskFixture
    {
        [Fact]
        public async Task An_unknown_customer_is_404_and_nothing_is_stored()
        {
            (await RefusedAsync("/api/tickets", new OpenTicketRequest("nobody", "s", "b"), HttpStatusCode.NotFound)).ShouldBe("Customer 'nobody' does not exist.");
            (await Host.CountAsync("tickets")).ShouldBe(0);
        }

        [Fact]
        public async Task A_service_the_agreement_lacks_is_refused_and_nothing_is_stored()
        {
            (await RefusedAsync("/api/tickets", new OpenTicketRequest("horak", "Server check", "b", "operational", Channel: "phone")))
                .ShouldBe("The agreement of 'horak' does not include the service 'operational'.");
            (await Host.CountAsync("tickets")).ShouldBe(0);
            (await Host.CountAsync("ticket_events")).ShouldBe(0);
            (await Host.CountAsync("outbox")).ShouldBe(0);
        }

        [Fact]
        public async Task A_contact_of_another_customer_is_refused()
        {
            (await RefusedAsync("/api/tickets", new OpenTicketRequest("novak", "s", "b", Channel: "email", Contact: "eva@horak.cz")))
                .ShouldBe("'eva@horak.cz' is not a contact of customer 'novak'.");
            (await Host.CountAsync("tickets")).ShouldBe(0);
        }
    }
}
