using System.CommandLine;
using AppLayer.Host;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer feed export DIR --data DATA --base-url URL</c>: a static copy of the feed and its signed metadata.</summary>
public static class FeedCommand
{
    public static Command Create()
    {
        var command = new Command("feed", "The NuGet feed as files.");
        var dir = new Argument<string>("dir") { Description = "Where to write the static copy." };
        var data = new Option<string>("--data") { Description = "The host's data folder.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "The URL the copy will be served at, e.g. http://127.0.0.1:8080/.", Required = true };
        var customer = new Option<string?>("--customer") { Description = "A copy for this customer's sites: also its bespoke packages and its delegated TUF role." };
        var export = new Command("export", "Write the feed (service index, flat container, registrations, search answers, TUF metadata) as static files.") { dir, data, baseUrl, customer };
        export.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var count = await FeedExport.ExportAsync(parse.GetValue(data)!, parse.GetValue(dir)!, parse.GetValue(baseUrl)!, ct, parse.GetValue(customer));
            Console.WriteLine($"exported {count} packages to {Path.GetFullPath(parse.GetValue(dir)!)}; serve it at {parse.GetValue(baseUrl)} (search answers: {FeedExport.SearchLayout})");
            return 0;
        }));
        command.Subcommands.Add(export);
        return command;
    }
}
