using System.CommandLine;
using AppLayer.Core;
using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Host;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer keys create --data DIR --scope publish|site|manager|contact [--installation CODE] [--customer CODE] [--expires DAYS]</c>:
/// makes a key straight in the data folder and prints only the key, so scripts can capture it.
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "API keys.");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(FeedKeysCommands.Init());
        command.Subcommands.Add(FeedKeysCommands.Rotate());
        command.Subcommands.Add(FeedKeysCommands.Revoke());
        return command;
    }

    private static Command CreateKey()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var scope = new Option<string>("--scope") { Description = "publish, site, manager or contact.", Required = true };
        scope.AcceptOnlyFromAmong(KeyScopeNames.Publish, KeyScopeNames.Site, KeyScopeNames.Manager, KeyScopeNames.Contact);
        var installation = new Option<string>("--installation") { Description = "The installation a site key belongs to." };
        var customer = new Option<string>("--customer") { Description = "The customer a contact key belongs to." };
        var expires = new Option<int?>("--expires") { Description = "Lifetime in days (default: no expiry)." };
        var command = new Command("create", "Create an API key and print it (one line).") { data, scope, installation, customer, expires };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var folder = parse.GetValue(data)!;
            CreatedKeyDto created;
            try
            {
                var chosen = KeyScopeNames.Parse(parse.GetValue(scope)!);
                if (chosen != KeyScope.Contact && parse.GetValue(customer) is not null)
                {
                    throw new UserException("only a contact key belongs to a customer.");
                }

                created = chosen == KeyScope.Contact
                    ? await AppLayerHost.CreateContactKeyAsync(folder, parse.GetValue(customer) ?? string.Empty, parse.GetValue(expires), ct)
                    : await AppLayerHost.CreateKeyAsync(folder, chosen, parse.GetValue(installation), parse.GetValue(expires), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserException($"cannot use the data folder {folder}: {ex.Message}", ex);
            }

            Console.WriteLine(created.Key);
            return 0;
        }));
        return command;
    }
}
