using AppLayer.Cli.Demo;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer demo [--serve]</c>: the whole story on embedded SQLite and a local feed.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var serve = new Option<bool>("--serve") { Description = "Keep the host running afterwards and print its URL and keys." };
        var packages = new Option<string>("--packages")
        {
            Description = "Folder with the sample .nupkg files (default: artifacts/packages, else the samples are packed).",
        };
        var data = new Option<string>("--data") { Description = "Data folder to use (default: a fresh temporary folder)." };
        var command = new Command("demo", "Run the whole story: host, two customers, two legal changes, publish, compliance radar, two sites apply, radar again, histories.") { serve, packages, data };
        command.SetAction((parse, ct) => Run.SafelyAsync(() =>
            new DemoStory(Console.Out).RunAsync(parse.GetValue(data), parse.GetValue(packages), parse.GetValue(serve), ct)));
        return command;
    }
}
