using System.CommandLine;
using System.Globalization;
using AppLayer.Core.Api;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer history CUSTOMER</c>: everything that changed at one customer, in order.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var customer = new Argument<string>("customer") { Description = "Customer code." };
        var command = new Command("history", "Print a customer's change history.") { customer, host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var events = await FetchAsync(client, parse.GetValue(customer)!, ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(events);
            }
            else
            {
                Console.Write(Format(events));
            }

            return 0;
        }));
        return command;
    }

    public static Task<List<HistoryEventDto>> FetchAsync(HostClient client, string customer, CancellationToken cancellationToken) =>
        client.GetAsync<List<HistoryEventDto>>($"api/customers/{Uri.EscapeDataString(customer)}/history", cancellationToken);

    public static string Format(IEnumerable<HistoryEventDto> events)
    {
        var table = new TextTable("when (UTC)", "what", "installation", "subject", "detail");
        foreach (var e in events)
        {
            table.Add(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Kind, e.Installation ?? "-", e.Subject, e.Detail);
        }

        return table.ToString();
    }
}
