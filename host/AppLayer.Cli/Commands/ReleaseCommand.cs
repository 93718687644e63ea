using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

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
        var name = new Argument<string>("name") { Description = "Release name, e.g. 2025.1." };
        var packages = Common.ListOption("--package", "Packages as Id@Version");
        packages.Required = true;
        return HostVerb.Create("create", "Create a release from published packages and print its notes.", [name, packages], async (parse, client, ct) =>
        {
            var release = await client.PostAsync<ReleaseDto>(ApiRoutes.Releases, new CreateReleaseRequest(parse.GetValue(name)!, Common.Split(parse.GetValue(packages))), ct);
            Console.WriteLine($"release {release.Name} created with {release.Packages.Count} package(s)");
            Console.WriteLine(release.Notes);
            return 0;
        });
    }

    private static Command List() =>
        HostVerb.List<ReleaseDto>("list", "List releases.", [], _ => ApiRoutes.Releases, releases =>
        {
            var table = new TextTable("name", "created", "packages");
            foreach (var r in releases)
            {
                table.Add(r.Name, r.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", r.Packages));
            }

            return table.ToString();
        });
}
