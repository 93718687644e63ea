namespace AppLayer.Cli.Commands;

/// <summary><c>applayer publish PACKAGE.nupkg</c>: push update packages to the host's feed.</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var packages = new Argument<string[]>("packages") { Description = "One or more .nupkg files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("publish", "Publish update packages to the host's feed (same protocol as dotnet nuget push).") { packages, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            foreach (var package in parse.GetValue(packages)!)
            {
                await client.PushAsync(package, ct);
                Console.WriteLine($"published {Path.GetFileName(package)}");
            }

            return 0;
        }));
        return command;
    }
}
