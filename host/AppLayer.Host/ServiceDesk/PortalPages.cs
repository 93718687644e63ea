using System.Net;
using System.Text;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;

namespace AppLayer.Host.ServiceDesk;

/// <summary>The customer's web form as plain server-rendered HTML (no scripts): their tickets, a form to open one, a ticket with its history and a reply form.</summary>
internal static class PortalPages
{
    public static string Home(Contact contact, string token, IReadOnlyList<TicketDto> tickets, string? error = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Help Desk: {E(contact.Name)}</h1>");
        if (error is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(error)}</p>");
        }

        body.Append("<h2>Your requests</h2>");
        if (tickets.Count == 0)
        {
            body.Append("<p>No requests yet.</p>");
        }
        else
        {
            body.Append("<table><tr><th>ticket</th><th>subject</th><th>status</th><th>opened</th></tr>");
            foreach (var t in tickets)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/portal/{E(token)}/tickets/{t.Id}\">{E(t.Tag)}</a></td><td>{E(t.Subject)}</td><td>{E(t.Status)}</td><td>{t.OpenedAt:yyyy-MM-dd HH:mm} UTC</td></tr>");
            }

            body.Append("</table>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>New request</h2>
            <form method="post" action="/portal/{E(token)}/tickets">
            <p><label>Subject <input name="subject" required maxlength="200"></label></p>
            <p><label>Description<br><textarea name="body" rows="8" cols="70" required></textarea></label></p>
            <p><label>Priority <select name="priority"><option>normal</option><option>high</option><option>urgent</option><option>low</option></select></label></p>
            <p><button type="submit">Send</button></p>
            </form>
            """);
        return Page("Help Desk", body.ToString());
    }

    public static string Ticket(string token, TicketDto ticket)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/portal/{E(token)}\">← your requests</a></p><h1>{E(ticket.Tag)} {E(ticket.Subject)}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p>Status: <strong>{E(ticket.Status)}</strong>, priority {E(ticket.Priority)}, expert {E(ticket.Assignee ?? "not assigned yet")}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<pre>{E(ticket.Body)}</pre><h2>History</h2><ol>");
        foreach (var e in ticket.Events)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{e.At:yyyy-MM-dd HH:mm} UTC, {E(e.Kind)} ({E(e.Actor)}): {E(e.Text)}</li>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </ol>
            <form method="post" action="/portal/{E(token)}/tickets/{ticket.Id}/reply">
            <p><label>Add to the request<br><textarea name="text" rows="5" cols="70" required></textarea></label></p>
            <p><button type="submit">Send</button></p>
            </form>
            """);
        return Page(ticket.Tag, body.ToString());
    }

    public static string NotFound() => Page("Not found", "<h1>Not found</h1><p>This link is unknown or not yours.</p>");

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body>{body}</body></html>\n";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
