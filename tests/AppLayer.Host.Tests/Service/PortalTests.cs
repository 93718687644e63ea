using System.Net;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppLayer.Host.Tests.Service;

/// <summary>The web form: plain HTML forms posted without scripts, keyed by the contact's own link.</summary>
public sealed class PortalTests : ServiceDeskFixture
{
    [Fact]
    public async Task A_contact_opens_a_ticket_follows_it_and_adds_to_it()
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var home = await browser.GetAsync(new Uri($"/portal/{NovakToken}", UriKind.Relative)))
        {
            (await home.Content.ReadAsStringAsync()).ShouldContain("<form method=\"post\" action=\"/portal/");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["subject"] = "Cannot close <March>", ["body"] = "The button is grey.", ["priority"] = "high" });
        using var posted = await browser.PostAsync(new Uri($"/portal/{NovakToken}/tickets", UriKind.Relative), form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = posted.Headers.Location!.OriginalString;

        using var reply = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "It is urgent after all." });
        (await browser.PostAsync(new Uri(location + "/reply", UriKind.Relative), reply)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.GetStringAsync(new Uri(location, UriKind.Relative));
        page.ShouldContain("Cannot close &lt;March&gt;");
        page.ShouldContain("customer-replied (jana@novak.cz): It is urgent after all.");

        var ticket = (await Manager.GetJsonAsync<List<TicketDto>>("/api/tickets?customer=novak")).Single();
        ticket.Channel.ShouldBe("web");
        ticket.Priority.ShouldBe("high");
        (await browser.GetStringAsync(new Uri($"/portal/{NovakToken}", UriKind.Relative))).ShouldContain(ticket.Tag);
    }

    [Fact]
    public async Task Another_contacts_ticket_and_an_unknown_link_are_not_found_and_a_bad_form_stores_nothing()
    {
        var others = await OpenAsync(contact: "petr@novak.cz");
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await browser.GetAsync(new Uri($"/portal/{NovakToken}/tickets/{others.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync(new Uri("/portal/not-a-token", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["subject"] = "", ["body"] = "text" });
        using var bad = await browser.PostAsync(new Uri($"/portal/{NovakToken}/tickets", UriKind.Relative), form);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Subject is required.");
        (await Host.CountAsync("tickets")).ShouldBe(1);
    }
}
