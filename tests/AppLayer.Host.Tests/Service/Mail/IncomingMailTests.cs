using System.Net;
using System.Net.Http.Headers;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.DependencyInjection;

namespace AppLayer.Host.Tests.Service.Mail;

/// <summary>Inbound mail parsed with MimeKit: new tickets, threading by In-Reply-To/References and by the [AL-n] tag, the same Message-ID once.</summary>
public sealed class IncomingMailTests : ServiceDeskFixture
{
    [Fact]
    public async Task A_new_mail_opens_a_ticket_and_replies_thread_to_it_by_header_or_tag()
    {
        var opened = await ReceiveAsync(Mail("jana@novak.cz", "Payroll export fails", "<first@novak.cz>", null, "It stops at employee 17."));
        opened.Channel.ShouldBe("email");
        opened.Contact.ShouldBe("jana@novak.cz");
        opened.Body.ShouldBe("It stops at employee 17.");

        var receipt = (await Host.Services.GetRequiredService<IOutboxStore>().ListAsync(opened.Id, CancellationToken.None)).Single();
        receipt.InReplyTo.ShouldBe("<first@novak.cz>");
        await StepAsync(opened.Id, "wait", new TicketNoteRequest("Which version?"));

        var byHeader = await ReceiveAsync(Mail("petr@novak.cz", "Re: something else", "<second@novak.cz>", receipt.MessageId, "Version 5.2."));
        byHeader.Id.ShouldBe(opened.Id);
        byHeader.Status.ShouldBe("registered");
        byHeader.Sla.Paused.ShouldBeFalse();

        var byTag = await ReceiveAsync(Mail("jana@novak.cz", $"Fwd: [AL-{opened.Id}] one more thing", "<third@novak.cz>", null, "Also employee 18."));
        byTag.Id.ShouldBe(opened.Id);

        var again = await ReceiveAsync(Mail("jana@novak.cz", $"Fwd: [AL-{opened.Id}] one more thing", "<third@novak.cz>", null, "Also employee 18."));
        again.Events.Count.ShouldBe(byTag.Events.Count);
        again.Events.Count(e => e.Kind == "customer-replied").ShouldBe(2);
        (await Host.CountAsync("tickets")).ShouldBe(1);
    }

    [Fact]
    public async Task Mail_from_a_stranger_or_from_another_customers_contact_into_a_thread_is_refused()
    {
        var opened = await ReceiveAsync(Mail("jana@novak.cz", "Help", "<a@novak.cz>", null, "text"));

        (await RefusedMailAsync(Mail("who@example.com", "Help", "<b@example.com>", null, "text"))).ShouldBe("'who@example.com' is not a contact of any customer.");
        (await RefusedMailAsync(Mail("eva@horak.cz", $"[AL-{opened.Id}]", "<c@horak.cz>", null, "text"))).ShouldBe($"'eva@horak.cz' is not a contact of the customer of ticket [AL-{opened.Id}].");
        (await Host.CountAsync("ticket_events")).ShouldBe(2);
    }

    [Fact]
    public async Task A_reply_within_14_days_of_the_resolution_reopens_a_closed_ticket_and_a_later_one_opens_a_follow_up()
    {
        var opened = await ReceiveAsync(Mail("jana@novak.cz", "Payroll export fails", "<r1@novak.cz>", null, "It stops."));
        await StepAsync(opened.Id, "resolve", new TicketNoteRequest("Fixed the export."));
        await StepAsync(opened.Id, "close");
        Host.Time.Advance(TimeSpan.FromDays(13));

        var reopened = await ReceiveAsync(Mail("jana@novak.cz", $"Re: [AL-{opened.Id}] Resolved", "<r2@novak.cz>", null, "It stops again."));
        reopened.Id.ShouldBe(opened.Id);
        reopened.Status.ShouldNotBe("closed");
        reopened.Status.ShouldNotBe("resolved");
        reopened.Events[^1].Kind.ShouldBe("customer-replied");

        await StepAsync(opened.Id, "resolve", new TicketNoteRequest("Fixed for good."));
        await StepAsync(opened.Id, "close");
        Host.Time.Advance(TimeSpan.FromDays(15));
        var events = (await Manager.GetJsonAsync<TicketDto>($"/api/tickets/AL-{opened.Id}")).Events.Count;
        var followUp = await ReceiveAsync(Mail("jana@novak.cz", $"Re: [AL-{opened.Id}] Resolved", "<r3@novak.cz>", null, "And again."));

        followUp.Id.ShouldNotBe(opened.Id);
        followUp.Subject.ShouldBe($"Follow-up to AL-{opened.Id}: Payroll export fails");
        followUp.Body.ShouldStartWith("And again.");
        followUp.Body.ShouldContain($"A reply to AL-{opened.Id} \"Payroll export fails\"");
        followUp.Contact.ShouldBe("jana@novak.cz");
        followUp.Channel.ShouldBe("email");
        followUp.Status.ShouldBe("registered");
        var after = await Manager.GetJsonAsync<TicketDto>($"/api/tickets/AL-{opened.Id}");
        after.Status.ShouldBe("closed");
        after.Events.Count.ShouldBe(events);

        // The same mail again is the follow-up, not a third ticket.
        (await ReceiveAsync(Mail("jana@novak.cz", $"Re: [AL-{opened.Id}] Resolved", "<r3@novak.cz>", null, "And again."))).Id.ShouldBe(followUp.Id);
        (await Host.CountAsync("tickets")).ShouldBe(2);
    }

    [Fact]
    public async Task A_reply_to_a_resolved_ticket_not_closed_after_14_days_opens_a_follow_up_too()
    {
        var opened = await ReceiveAsync(Mail("jana@novak.cz", "Payroll export fails", "<s1@novak.cz>", null, "It stops."));
        await StepAsync(opened.Id, "resolve", new TicketNoteRequest("Fixed the export."));
        Host.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var followUp = await ReceiveAsync(Mail("jana@novak.cz", "Re: something", "<s2@novak.cz>", "<s1@novak.cz>", "Still broken."));

        followUp.Id.ShouldNotBe(opened.Id);
        (await Manager.GetJsonAsync<TicketDto>($"/api/tickets/AL-{opened.Id}")).Status.ShouldBe("resolved");
    }

    private static string Mail(string from, string subject, string messageId, string? inReplyTo, string body) =>
        $"From: {from}\r\nTo: helpdesk@applayer.local\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\n"
        + (inReplyTo is null ? string.Empty : $"In-Reply-To: {inReplyTo}\r\nReferences: {inReplyTo}\r\n")
        + $"Date: Mon, 15 Jan 2024 10:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";

    private async Task<TicketDto> ReceiveAsync(string raw)
    {
        using var response = await PostMailAsync(raw);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<TicketDto>();
    }

    private async Task<string> RefusedMailAsync(string raw)
    {
        using var response = await PostMailAsync(raw);
        return await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> PostMailAsync(string raw)
    {
        using var content = new StringContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return await Manager.PostAsync(new Uri("/api/mail/inbound", UriKind.Relative), content);
    }
}
