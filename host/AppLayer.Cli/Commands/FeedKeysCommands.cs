using System.CommandLine;
using AppLayer.Core;
using AppLayer.Host;
using AppLayer.Protocol;

namespace AppLayer.Cli.Commands;

/// <summary>
/// <c>applayer keys init --data DIR [--root-keys DIR]</c> and
/// <c>applayer keys rotate --data DIR [--root-keys DIR] [--role R ...]</c>: the feed's TUF signing keys.
/// </summary>
internal static class FeedKeysCommands
{
    public static Command Init()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var rootKeys = new Option<string>("--root-keys") { Description = "A separate (offline) folder for the root key (default: DIR/keys)." };
        var command = new Command("init", "Create the feed's signing keys (root, targets, snapshot, timestamp) and its first signed metadata.") { data, rootKeys };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var folder = await Guard(() => FeedSigning.InitAsync(parse.GetValue(data)!, parse.GetValue(rootKeys), ct), parse.GetValue(data)!);
            Console.WriteLine($"signing keys created; the root key is in {folder} (keep it offline), root version 1 is at /tuf/root.json");
            return 0;
        }));
        return command;
    }

    public static Command Rotate()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var rootKeys = new Option<string>("--root-keys") { Description = "The folder that holds root.pem (default: DIR/keys)." };
        var roles = Common.ListOption("--role", "Roles whose keys to replace: root, targets, snapshot, timestamp (default: all)");
        var command = new Command("rotate", "Replace signing keys: a new root version signed by the old root key (and the new one).") { data, rootKeys, roles };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var chosen = Common.Split(parse.GetValue(roles));
            IReadOnlyCollection<string> which = chosen.Count == 0 ? ["root", "targets", "snapshot", "timestamp"] : chosen;
            var version = await Guard(() => FeedSigning.RotateAsync(parse.GetValue(data)!, which, parse.GetValue(rootKeys), ct), parse.GetValue(data)!);
            Console.WriteLine($"rotated {string.Join(", ", which)}; root version {version} is at /tuf/{version}.root.json");
            return 0;
        }));
        return command;
    }

    public static Command Revoke()
    {
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var key = new Argument<string>("key") { Description = "The API key to revoke (al_...)." };
        var command = new Command("revoke", "Revoke an API key at once (the host refuses it from then on).") { data, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            if (!await Guard(() => AppLayerHost.RevokeKeyAsync(parse.GetValue(data)!, parse.GetValue(key)!, ct), parse.GetValue(data)!))
            {
                throw new UserException("no such API key in this data folder.");
            }

            Console.WriteLine("revoked");
            return 0;
        }));
        return command;
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action, string folder)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"cannot use the data folder {folder}: {ex.Message}", ex);
        }
    }
}
