namespace AppLayer.EndToEnd.Tests;

/// <summary>
/// The site agent's tool (host/AppLayer.Site.Cli) packed once per test run with <c>dotnet pack</c>, as
/// build.cake's Pack target packs it: package <c>AppLayer.Agent</c>, command <c>applayer</c>.
/// </summary>
public static class SiteToolPackage
{
    public const string Id = "AppLayer.Agent";

    private static readonly Lazy<Task<string>> Packed = new(PackAsync);

    /// <summary>The path of the packed <c>.nupkg</c>.</summary>
    public static Task<string> PathAsync() => Packed.Value;

    private static async Task<string> PackAsync()
    {
        var output = Directory.CreateTempSubdirectory("applayer-site-tool-").FullName;
        var project = Path.Combine(CliProcess.RepoRoot, "host", "AppLayer.Site.Cli", "AppLayer.Site.Cli.csproj");
        (await CliProcess.DotnetAsync("pack", project, "-c", CliProcess.Configuration, "--no-build", "-o", output)).ShouldSucceed();
        return Directory.GetFiles(output, "*.nupkg").Single();
    }
}
