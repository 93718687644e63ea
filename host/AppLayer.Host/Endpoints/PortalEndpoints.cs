using AppLayer.Core;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Host.ServiceDesk;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The web form for customer contacts, keyed by the contact's own link (<c>/portal/{token}</c>):
/// open a request, follow one's own requests and add to them. Plain HTML forms, no scripts.
/// </summary>
internal static class PortalEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/portal/{token}").AllowAnonymous();

        portal.MapGet("/", async (string token, ContactService contacts, TicketService tickets, CancellationToken ct) =>
            await contacts.FindByTokenAsync(token, ct) is { } contact
                ? Results.Content(PortalPages.Home(contact, token, await OwnAsync(contact, contacts, tickets, ct)), Html)
                : NotFound());

        portal.MapPost("/tickets", async (string token, HttpRequest request, ContactService contacts, TicketService tickets, CancellationToken ct) =>
        {
            if (await contacts.FindByTokenAsync(token, ct) is not { } contact)
            {
                return NotFound();
            }

            var form = await request.ReadFormAsync(ct);
            try
            {
                var customer = await contacts.CustomerCodeAsync(contact, ct);
                var ticket = await tickets.OpenAsync(new OpenTicketRequest(customer, form["subject"].ToString(), form["body"].ToString(), Priority: form["priority"].ToString(), Channel: "web", Contact: contact.Email), contact.Email, ct);
                return Results.Redirect($"/portal/{Uri.EscapeDataString(token)}/tickets/{ticket.Id}", permanent: false, preserveMethod: false);
            }
            catch (UserException ex)
            {
                return Results.Content(PortalPages.Home(contact, token, await OwnAsync(contact, contacts, tickets, ct), ex.Message), Html, statusCode: StatusCodes.Status400BadRequest);
            }
        });

        portal.MapGet("/tickets/{id:long}", async (string token, long id, ContactService contacts, TicketService tickets, CancellationToken ct) =>
            await OwnTicketAsync(token, id, contacts, tickets, ct) is { } ticket
                ? Results.Content(PortalPages.Ticket(token, ticket), Html)
                : NotFound());

        portal.MapPost("/tickets/{id:long}/reply", async (string token, long id, HttpRequest request, ContactService contacts, TicketService tickets, CancellationToken ct) =>
        {
            if (await OwnTicketAsync(token, id, contacts, tickets, ct) is not { } ticket)
            {
                return NotFound();
            }

            var form = await request.ReadFormAsync(ct);
            var text = form["text"].ToString().Trim();
            if (text.Length == 0)
            {
                return Results.Content(PortalPages.Ticket(token, ticket), Html, statusCode: StatusCodes.Status400BadRequest);
            }

            var replied = await tickets.CustomerReplyAsync(id, ticket.Contact!, text, null, ct, TicketChannel.Web);
            return Results.Redirect($"/portal/{Uri.EscapeDataString(token)}/tickets/{replied.Id}");
        });
        return app;
    }

    private static async Task<IReadOnlyList<TicketDto>> OwnAsync(Contact contact, ContactService contacts, TicketService tickets, CancellationToken ct) =>
        [.. (await tickets.ListAsync(await contacts.CustomerCodeAsync(contact, ct), false, ct)).Where(t => string.Equals(t.Contact, contact.Email, StringComparison.OrdinalIgnoreCase))];

    /// <returns>The ticket when it is the contact's own, else <c>null</c> (the same answer for someone else's and for none).</returns>
    private static async Task<TicketDto?> OwnTicketAsync(string token, long id, ContactService contacts, TicketService tickets, CancellationToken ct)
    {
        if (await contacts.FindByTokenAsync(token, ct) is not { } contact)
        {
            return null;
        }

        try
        {
            var ticket = await tickets.GetAsync(id, ct);
            return string.Equals(ticket.Contact, contact.Email, StringComparison.OrdinalIgnoreCase) ? ticket : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static IResult NotFound() => Results.Content(PortalPages.NotFound(), Html, statusCode: StatusCodes.Status404NotFound);
}
