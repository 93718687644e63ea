using System.CommandLine;
using AppLayer.Core;
using AppLayer.Host;
using AppLayer.Protocol;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer serve --data DIR [--urls URL]</c>: the host, until Ctrl+C or SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder: the SQLite database and the package feed.", Required = true };
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; port 0 picks a free port.",
            DefaultValueFactory = _ => AppLayerHostOptions.DefaultUrls,
        };
        var command = new Command("serve", "Run the host: NuGet feed, manager API and site API.") { data, urls };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            var options = new AppLayerHostOptions { DataDirectory = parse.GetValue(data)!, Urls = parse.GetValue(urls) };
            RunningHost started;
            try
            {
                started = await AppLayerHost.StartAsync(options, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserException($"cannot start the host on {options.Urls} with data in {options.DataDirectory}: {ex.Message}", ex);
            }

            await using var host = started;
            Console.WriteLine($"AppLayer host listening on {host.BaseAddress.GetLeftPart(UriPartial.Authority)}");
            Console.WriteLine($"feed: {new Uri(host.BaseAddress, "v3/index.json")}");
            await Console.Out.FlushAsync(ct);
            await host.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
