using System.CommandLine;
using AppLayer.Core.Api;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer release create|list</c>: immutable sets of update packages with notes.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var command = new Command("release", "Releases: named, immutable sets of update packages.");
        command.Subcommands.Add(CreateRelease());
        command.Subcommands.Add(List());
        command.Subcommands.Add(ReleasePublishGitHubCommand.Create());
        command.Subcommands.Add(ReleaseGateCommands.Gate());
        command.Subcommands.Add(ReleaseGateCommands.List());
        command.Subcommands.Add(ReleaseGateCommands.Rehearsals());
        command.Subcommands.Add(ReleaseGateCommands.Approve());
        return command;
    }

    private static Command CreateRelease()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var name = new Argument<string>("name") { Description = "Release name, e.g. 2025.1." };
        var packages = Common.ListOption("--package", "Packages as Id@Version");
        packages.Required = true;
        var command = new Command("create", "Create a release from published packages and print its notes.") { name, packages, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var release = await client.PostAsync<ReleaseDto>("api/releases", new CreateReleaseRequest(parse.GetValue(name)!, Common.Split(parse.GetValue(packages))), ct);
            Console.WriteLine($"release {release.Name} created with {release.Packages.Count} package(s)");
            Console.WriteLine(release.Notes);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var command = new Command("list", "List releases.") { host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var releases = await client.GetAsync<List<ReleaseDto>>("api/releases", ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(releases);
                return 0;
            }

            var table = new TextTable("name", "created", "packages");
            foreach (var r in releases)
            {
                table.Add(r.Name, r.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", r.Packages));
            }

            Console.Write(table);
            return 0;
        }));
        return command;
    }
}
