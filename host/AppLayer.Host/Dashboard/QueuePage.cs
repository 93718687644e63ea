using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Protocol;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// For managers: every open ticket across customers, breached first (longest overdue first), then by the SLA
/// deadline that runs out soonest, with its owner and the time left; 50 a page. Four queries, however many tickets.
/// </summary>
internal static class QueuePage
{
    public const string Path = "/dashboard/queue";

    private const int PageSize = 50;

    public static async Task<IResult> ShowAsync(
        string? q,
        string? owner,
        int? page,
        HttpContext context,
        ITicketStore tickets,
        ICustomerStore customers,
        IAgreementStore agreements,
        TimeProvider time,
        CancellationToken ct)
    {
        if (page is < 1)
        {
            throw new UserException($"page '{page}' is not a page number (1 or more).");
        }

        var zone = ViewerZone.From(context);
        var now = time.GetUtcNow();
        var open = await tickets.ListAsync(null, openOnly: true, ct);
        var events = (await tickets.OpenTicketEventsAsync(ct)).ToLookup(e => e.TicketId);
        var byId = (await customers.ListAsync(ct)).ToDictionary(c => c.Id);
        var histories = await agreements.HistoriesAsync(ct);
        var needle = TextFold.Fold(q?.Trim());
        var rows = open
            .Select(t => Judge(t, events[t.Id].ToList(), byId.GetValueOrDefault(t.CustomerId), histories.GetValueOrDefault(t.CustomerId), now))
            .Where(r => needle.Length == 0 || TextFold.Contains(needle, r.Customer?.Name, r.Customer?.Code, r.Ticket.Subject, r.Ticket.Tag))
            .Where(r => string.IsNullOrWhiteSpace(owner) || (owner.Trim() == "-" ? r.Ticket.Assignee is null : string.Equals(r.Ticket.Assignee, owner.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Due is null ? 2 : r.Due <= now ? 0 : 1)
            .ThenBy(r => r.Due ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Ticket.OpenedAt)
            .ToList();
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var current = Math.Min(page ?? 1, pages);
        var query = new (string Name, string? Value)[] { ("q", q), ("owner", owner) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Name, p.Value!.Trim())).ToList();
        string PageUrl(int n) => Path + new QueryBuilder(query) { { "page", n.ToString(CultureInfo.InvariantCulture) } };

        return new HtmlPage("Service desk queue", "queue.html", new
        {
            Open = open.Count,
            Breached = rows.Count(r => r.Due <= now),
            Unassigned = rows.Count(r => r.Ticket.Assignee is null),
            Matching = rows.Count,
            Q = q ?? string.Empty,
            Owner = owner ?? string.Empty,
            Owners = open.Select(t => t.Assignee).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
                .Select(o => new { Value = o, Selected = string.Equals(o, owner?.Trim(), StringComparison.OrdinalIgnoreCase) }).ToList(),
            Page = current,
            Pages = pages,
            PreviousUrl = current > 1 ? PageUrl(current - 1) : string.Empty,
            NextUrl = current < pages ? PageUrl(current + 1) : string.Empty,
            Zone = zone.Id,
            Tickets = rows.Skip((current - 1) * PageSize).Take(PageSize).Select(r => new
            {
                r.Ticket.Tag,
                r.Ticket.Subject,
                Customer = r.Customer?.Name ?? "?",
                CustomerCode = r.Customer?.Code ?? "?",
                CustomerUrl = r.Customer is null ? string.Empty : CustomerPage.Url(r.Customer.Code),
                Priority = r.Ticket.Priority.ToName(),
                Status = r.Ticket.Status.ToName(),
                Owner = r.Ticket.Assignee ?? "not assigned",
                OwnerClass = r.Ticket.Assignee is null ? "bad" : string.Empty,
                Opened = zone.When(r.Ticket.OpenedAt),
                r.Clock,
                Due = r.Due is { } due ? zone.When(due) : "paused",
                Left = r.Due is { } d ? Left(d - now) : "clock stopped (waiting for the customer)",
                LeftClass = r.Due is { } x ? x <= now ? "bad" : x - now < TimeSpan.FromHours(4) ? "partial" : "ok" : "muted",
                State = r.Due is { } y && y <= now ? "breached" : r.Due is null ? "paused" : "running",
            }).ToList(),
        });
    }

    private static Row Judge(Ticket ticket, List<TicketEvent> events, Customer? customer, AgreementHistory? history, DateTimeOffset now)
    {
        var terms = history?.On(ServiceDeskDirectory.Day(ticket.OpenedAt))?.Terms ?? AgreementTerms.Default;
        var sla = new TicketSla(ticket, events, terms);
        var responding = ticket.RespondedAt is null;
        var due = responding ? sla.ResponseDue : sla.ResolutionDue;
        return new Row(ticket, customer, responding ? "response" : "resolution", due);
    }

    /// <summary>"2 d 3 h left", "45 min left", "breached 1 h 10 min ago": wall-clock time to the deadline.</summary>
    public static string Left(TimeSpan span)
    {
        var late = span < TimeSpan.Zero;
        var abs = late ? span.Negate() : span;
        var text = abs.TotalDays >= 1 ? $"{(int)abs.TotalDays} d {abs.Hours} h"
            : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours} h {abs.Minutes} min"
            : $"{Math.Max(0, (int)abs.TotalMinutes)} min";
        return late ? $"breached {text} ago" : $"{text} left";
    }

    private sealed record Row(Ticket Ticket, Customer? Customer, string Clock, DateTimeOffset? Due);
}
