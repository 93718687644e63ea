using System.CommandLine;
using AppLayer.Core;
using AppLayer.Protocol;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer bundle export --customer C --out FILE</c>: an offline bundle for a site without a network (manager key).</summary>
public static class BundleCommand
{
    public static Command Create()
    {
        var command = new Command("bundle", "Offline bundles: signed metadata and packages for a site that cannot reach the host.");
        var customer = new Option<string>("--customer") { Description = "The customer code.", Required = true };
        var output = new Option<string>("--out") { Description = "The bundle file to write (a zip).", Required = true };
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var export = new Command("export", "Write the feed's signed metadata, the updates each of the customer's installations may apply, and their listings, to one file.") { customer, output, host, key };
        export.SetAction((parse, ct) => Run.SafelyAsync(parse, async (stdout, _) =>
        {
            var file = Path.GetFullPath(parse.GetValue(output)!);
            if (!Directory.Exists(Path.GetDirectoryName(file)))
            {
                throw new UserException($"folder '{Path.GetDirectoryName(file)}' does not exist.");
            }

            using var client = Common.Client(parse, host, key);
            var code = parse.GetValue(customer)!;
            var bytes = await client.DownloadAsync(ApiRoutes.CustomerBundle(code), file, ct);
            await stdout.WriteLineAsync($"wrote the offline bundle of {code} to {file} ({bytes:N0} bytes); on the site: applayer site apply-bundle {Path.GetFileName(file)} --db IS.db");
            return 0;
        }));
        command.Subcommands.Add(export);
        return command;
    }
}
