using System.CommandLine;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer change link ID --package ID [--remove]</c>: an update package serving the change.</summary>
public static class ChangeLinkCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var id = new Argument<long>("id") { Description = "Legal change id." };
        var package = new Option<string>("--package") { Description = "Update package id (every version of it).", Required = true };
        var remove = new Option<bool>("--remove") { Description = "Remove an explicit link instead." };
        var command = new Command("link", "Link an update package to a legal change (packages whose manifest names one of its references are linked already).")
        {
            id, package, remove, host, key,
        };
        command.SetAction((parse, ct) => Run.SafelyAsync(parse, async (output, _) =>
        {
            using var client = Common.Client(parse, host, key);
            var path = ApiRoutes.LegalChangePackages(parse.GetValue(id));
            var change = parse.GetValue(remove)
                ? await client.DeleteAsync<LegalChangeDto>($"{path}/{Uri.EscapeDataString(parse.GetValue(package)!)}", ct)
                : await client.PostAsync<LegalChangeDto>(path, new LinkPackageRequest(parse.GetValue(package)!), ct);
            var packages = change.Packages.Count == 0 ? "none" : string.Join(", ", change.Packages.Select(p => $"{p.Id} ({p.Link})"));
            await output.WriteLineAsync($"legal change {change.Id} ({change.Reference}) packages: {packages}");
            return 0;
        }));
        return command;
    }
}
