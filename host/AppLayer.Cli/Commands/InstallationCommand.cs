using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer installation add|key</c>: customer sites and their agents' keys.</summary>
public static class InstallationCommand
{
    public static Command Create()
    {
        var command = new Command("installation", "Customer installations (sites running the IS).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Key());
        return command;
    }

    private static Command Add()
    {
        var code = new Argument<string>("code") { Description = "Installation code, e.g. novak-prod." };
        var customer = new Option<string>("--customer") { Description = "The customer's code.", Required = true };
        var name = new Option<string>("--name") { Description = "A readable name (default: the code)." };
        var isVersion = new Option<string>("--is-version") { Description = "The IS version installed.", DefaultValueFactory = _ => "5.2.0" };
        var modules = Common.ListOption("--modules", "IS modules installed, e.g. accounting,payroll");
        var timeZone = new Option<string>("--time-zone") { Description = "The site's time zone.", DefaultValueFactory = _ => "Europe/Prague" };
        return HostVerb.Create("add", "Add an installation to a customer.", [code, customer, name, isVersion, modules, timeZone], async (parse, client, ct) =>
        {
            var installationCode = parse.GetValue(code)!;
            var created = await client.PostAsync<InstallationDto>(
                ApiRoutes.CustomerInstallations(parse.GetValue(customer)!),
                new CreateInstallationRequest(installationCode, parse.GetValue(name) ?? installationCode, parse.GetValue(isVersion)!, Common.Split(parse.GetValue(modules)), parse.GetValue(timeZone)),
                ct);
            Console.WriteLine($"installation {created.Code} added to {created.CustomerCode}");
            return 0;
        });
    }

    private static Command Key()
    {
        var code = new Argument<string>("code") { Description = "Installation code." };
        return HostVerb.Create("key", "Create a site key for an installation's agent and print it.", [code], async (parse, client, ct) =>
        {
            var created = await client.PostAsync<CreatedKeyDto>(ApiRoutes.InstallationKeys(parse.GetValue(code)!), new { }, ct);
            Console.WriteLine(created.Key);
            return 0;
        });
    }
}
