using System.CommandLine;
using AppLayer.Core;
using AppLayer.Core.Api;
using AppLayer.Core.Model;
using AppLayer.Host;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer keys create --data DIR --scope publish|site|manager [--installation CODE] [--expires DAYS]</c>:
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
        var scope = new Option<string>("--scope") { Description = "publish, site or manager.", Required = true };
        scope.AcceptOnlyFromAmong(KeyScopeNames.Publish, KeyScopeNames.Site, KeyScopeNames.Manager);
        var installation = new Option<string>("--installation") { Description = "The installation a site key belongs to." };
        var expires = new Option<int?>("--expires") { Description = "Lifetime in days (default: no expiry)." };
        var command = new Command("create", "Create an API key and print it (one line).") { data, scope, installation, expires };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var folder = parse.GetValue(data)!;
            CreatedKeyDto created;
            try
            {
                created = await AppLayerHost.CreateKeyAsync(
                    folder,
                    KeyScopeNames.Parse(parse.GetValue(scope)!),
                    parse.GetValue(installation),
                    parse.GetValue(expires),
                    ct);
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
