using System.CommandLine;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer changelog customer CODE</c>: the release notes of what that customer's installations applied.</summary>
public static class CustomerChangelogCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = new Argument<string>("customer") { Description = "Customer code." };
        var command = new Command("customer", "Print a customer's changelog: releases filtered to what its installations applied, bespoke updates included.")
        {
            customer, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            Console.Write(await client.GetTextAsync(ApiRoutes.CustomerChangelog(parse.GetValue(customer)!), ct));
            return 0;
        }));
        return command;
    }
}
