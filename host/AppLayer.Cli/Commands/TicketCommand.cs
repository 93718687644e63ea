using System.CommandLine;
using System.Globalization;
using AppLayer.Core.Api;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer ticket open|assign|inform|wait|resume|resolve|close|reopen|list|show</c>: the Help Desk flow.</summary>
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
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var subject = ServiceDeskOptions.Required("--subject", "What the request is about.");
        var body = ServiceDeskOptions.Required("--body", "The request as the customer put it.");
        var service = ServiceDeskOptions.Optional("--service", "help-desk (default), hotline, application-layer, system-layer, operational, customer-support.");
        var priority = ServiceDeskOptions.Optional("--priority", "urgent, high, normal (default) or low.");
        var channel = ServiceDeskOptions.Optional("--channel", "phone (default), email or web.");
        var contact = ServiceDeskOptions.Optional("--contact", "The customer's contact (e-mail address) who gets the mails.");
        var command = new Command("open", "Register a request and confirm its receipt.") { customer, subject, body, service, priority, channel, contact, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var ticket = await client.PostAsync<TicketDto>("api/tickets", new OpenTicketRequest(parse.GetValue(customer)!, parse.GetValue(subject)!, parse.GetValue(body)!, parse.GetValue(service), parse.GetValue(priority), parse.GetValue(channel), parse.GetValue(contact)), ct);
            Console.WriteLine($"{ticket.Tag} registered for {ticket.Customer}; receipt confirmed; response due {When(ticket.Sla.ResponseDue)} UTC");
            return 0;
        }));
        return command;
    }

    private static Command Assign()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        var expert = ServiceDeskOptions.Required("--expert", "Who solves it.");
        var command = new Command("assign", "Hand the ticket to an expert.") { id, expert, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var ticket = await client.PostAsync<TicketDto>(ServiceDeskOptions.Path("api/tickets", parse.GetValue(id)) + "/assign", new AssignTicketRequest(parse.GetValue(expert)!), ct);
            Console.WriteLine($"{ticket.Tag} assigned to {ticket.Assignee}");
            return 0;
        }));
        return command;
    }

    private static Command Step(string name, string description, string textOption, bool textRequired)
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        var text = new Option<string>(textOption) { Description = "The text for the customer and the ticket's history.", Required = textRequired };
        var actor = ServiceDeskOptions.Optional("--actor", "Who does it (default: help-desk).");
        var command = new Command(name, description) { id, text, actor, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var ticket = await client.PostAsync<TicketDto>(ServiceDeskOptions.Path("api/tickets", parse.GetValue(id)) + "/" + name, new TicketNoteRequest(parse.GetValue(text), parse.GetValue(actor)), ct);
            Console.WriteLine($"{ticket.Tag} {ticket.Status}{(ticket.Sla.Paused ? " (SLA clock paused)" : string.Empty)}");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var customer = ServiceDeskOptions.Optional("--customer", "Only this customer's tickets.");
        var open = new Option<bool>("--open") { Description = "Only tickets not resolved or closed." };
        var command = new Command("list", "List tickets with their SLA deadlines.") { customer, open, host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var query = $"api/tickets?open={(parse.GetValue(open) ? "true" : "false")}" + (parse.GetValue(customer) is { Length: > 0 } c ? $"&customer={Uri.EscapeDataString(c)}" : string.Empty);
            var tickets = await client.GetAsync<List<TicketDto>>(query, ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(tickets);
            }
            else
            {
                Console.Write(Format(tickets));
            }

            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<string>("ticket") { Description = "The ticket, e.g. AL-12." };
        var command = new Command("show", "Show one ticket with its history as JSON.") { id, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            Common.PrintJson(await client.GetAsync<TicketDto>(ServiceDeskOptions.Path("api/tickets", parse.GetValue(id)), ct));
            return 0;
        }));
        return command;
    }
}
