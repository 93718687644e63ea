using System.CommandLine;
using System.Globalization;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer ticket open|assign|inform|wait|resume|resolve|close|reopen|list|show|escalate</c>: the Help Desk flow.</summary>
public static class TicketCommand
{
    public static Command Create()
    {
        var command = new Command("ticket", "Help Desk tickets: open, assign, inform, resolve, close, reopen, list.");
        command.Subcommands.Add(Open());
        command.Subcommands.Add(Assign());
        command.Subcommands.Add(Step("inform", "Send the customer a status update.", "--text", true));
        command.Subcommands.Add(Step("wait", "Ask the customer and stop the SLA clock until they answer.", "--text", true));
        command.Subcommands.Add(Step("resume", "Start the SLA clock again.", "--text", false));
        command.Subcommands.Add(Step("resolve", "Announce the resolution to the customer.", "--text", true));
        command.Subcommands.Add(Step("close", "Close a resolved ticket.", "--text", false));
        command.Subcommands.Add(Step("reopen", "Reopen a resolved or closed ticket.", "--text", false));
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Escalate());
        return command;
    }

    public static string Format(IEnumerable<TicketDto> tickets)
    {
        var table = new TextTable("ticket", "customer", "priority", "status", "assignee", "subject", "response due (UTC)", "resolution due (UTC)");
        foreach (var t in tickets)
        {
            table.Add(t.Tag, t.Customer, t.Priority, t.Status + (t.Sla.Paused ? " (paused)" : string.Empty), t.Assignee ?? "-", t.Subject, When(t.Sla.ResponseDue), When(t.Sla.ResolutionDue));
        }

        return table.ToString();
    }

    private static string When(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";

    private static Command Open()
    {
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var subject = ServiceDeskOptions.Required("--subject", "What the request is about.");
        var body = ServiceDeskOptions.Required("--body", "The request as the customer put it.");
        var service = ServiceDeskOptions.Optional("--service", "help-desk (default), hotline, application-layer, system-layer, operational, customer-support.");
        var priority = ServiceDeskOptions.Optional("--priority", "urgent, high, normal (default) or low.");
        var channel = ServiceDeskOptions.Optional("--channel", "phone (default), email or web.");
        var contact = ServiceDeskOptions.Optional("--contact", "The customer's contact (e-mail address) who gets the mails.");
        return HostVerb.Create("open", "Register a request and confirm its receipt.", [customer, subject, body, service, priority, channel, contact], async (parse, client, ct) =>
        {
            var ticket = await client.PostAsync<TicketDto>(ApiRoutes.Tickets, new OpenTicketRequest(parse.GetValue(customer)!, parse.GetValue(subject)!, parse.GetValue(body)!, parse.GetValue(service), parse.GetValue(priority), parse.GetValue(channel), parse.GetValue(contact)), ct);
            Console.WriteLine($"{ticket.Tag} registered for {ticket.Customer}; receipt confirmed; response due {When(ticket.Sla.ResponseDue)} UTC");
            return 0;
        });
    }

    private static Command Assign()
    {
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        var expert = ServiceDeskOptions.Required("--expert", "Who solves it.");
        return HostVerb.Create("assign", "Hand the ticket to an expert.", [id, expert], async (parse, client, ct) =>
        {
            var ticket = await client.PostAsync<TicketDto>(ApiRoutes.Ticket(parse.GetValue(id)) + "/assign", new AssignTicketRequest(parse.GetValue(expert)!), ct);
            Console.WriteLine($"{ticket.Tag} assigned to {ticket.Assignee}");
            return 0;
        });
    }

    private static Command Step(string name, string description, string textOption, bool textRequired)
    {
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        var text = new Option<string>(textOption) { Description = "The text for the customer and the ticket's history.", Required = textRequired };
        var actor = ServiceDeskOptions.Optional("--actor", "Who does it (default: help-desk).");
        return HostVerb.Create(name, description, [id, text, actor], async (parse, client, ct) =>
        {
            var ticket = await client.PostAsync<TicketDto>(ApiRoutes.Ticket(parse.GetValue(id)) + "/" + name, new TicketNoteRequest(parse.GetValue(text), parse.GetValue(actor)), ct);
            Console.WriteLine($"{ticket.Tag} {ticket.Status}{(ticket.Sla.Paused ? " (SLA clock paused)" : string.Empty)}");
            return 0;
        });
    }

    private static Command List()
    {
        var customer = ServiceDeskOptions.Optional("--customer", "Only this customer's tickets.");
        var open = new Option<bool>("--open") { Description = "Only tickets not resolved or closed." };
        return HostVerb.List<TicketDto>(
            "list",
            "List tickets with their SLA deadlines.",
            [customer, open],
            parse => ApiRoutes.Tickets + $"?open={(parse.GetValue(open) ? "true" : "false")}" + (parse.GetValue(customer) is { Length: > 0 } c ? $"&customer={Uri.EscapeDataString(c)}" : string.Empty),
            Format);
    }

    private static Command Show()
    {
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        return HostVerb.Create("show", "Show one ticket with its history as JSON.", [id], async (parse, client, ct) =>
        {
            Common.PrintJson(await client.GetAsync<TicketDto>(ApiRoutes.Ticket(parse.GetValue(id)), ct));
            return 0;
        });
    }

    private static Command Escalate()
    {
        return HostVerb.Create("escalate", "Run the SLA escalation now: warn the Help Desk lead before a target runs out and record each breach, each once per ticket.", [], async (parse, client, ct) =>
        {
            var run = await client.PostAsync<Dictionary<string, int>>(ApiRoutes.Escalate, new { }, ct);
            Console.WriteLine($"{run.GetValueOrDefault("examined")} open ticket(s) examined: {run.GetValueOrDefault("warnings")} warning(s) and {run.GetValueOrDefault("breaches")} breach(es) recorded, {run.GetValueOrDefault("mails")} mail(s) queued");
            return 0;
        });
    }
}
