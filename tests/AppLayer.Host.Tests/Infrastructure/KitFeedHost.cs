using AppLayer.Core.Keys;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>
/// A real host in a throw-away folder with a publish key and a reader (manager) key, for the kit tests that drive the
/// real dotnet CLI against its NuGet feed; restores go to a package folder of the test's own.
/// </summary>
internal sealed class KitFeedHost : IAsyncDisposable
{
    private KitFeedHost(string root, RunningHost host, string publishKey, string readerKey)
    {
        Root = root;
        Host = host;
        PublishKey = publishKey;
        ReaderKey = readerKey;
    }

    public string Root { get; }

    public RunningHost Host { get; }

    public string PublishKey { get; }

    public string ReaderKey { get; }

    public Uri Feed => new(Host.BaseAddress, "v3/index.json");

    public static async Task<KitFeedHost> StartAsync(string folderPrefix)
    {
        var root = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var data = Path.Combine(root, "data");
        var publishKey = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Publish, null, null)).Key;
        var readerKey = (await AppLayerHost.CreateKeyAsync(data, KeyScope.Manager, null, null)).Key;
        var host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = data, Urls = "http://127.0.0.1:0" });
        return new KitFeedHost(root, host, publishKey, readerKey);
    }

    /// <summary>Runs <c>dotnet</c> with the given arguments, restoring into this host's own package folder.</summary>
    public Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] args) =>
        DotnetCli.RunAsync(workingDirectory, TimeSpan.FromMinutes(4), new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") }, args);

    /// <summary>
    /// Writes <c>NuGet.Config</c> in <see cref="Root"/>: only the host's feed (source "applayer", with the reader key)
    /// and, when given, a local folder as source "machine". Returns the file's path.
    /// </summary>
    public async Task<string> WriteNuGetConfigAsync(string? machinePackages = null)
    {
        var machine = machinePackages is null ? "" : $"""

                <add key="machine" value="{machinePackages}" />
            """;
        var config = Path.Combine(Root, "NuGet.Config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{Feed.AbsoluteUri}" allowInsecureConnections="true" />{machine}
              </packageSources>
              <packageSourceCredentials>
                <applayer>
                  <add key="Username" value="plugin-author" />
                  <add key="ClearTextPassword" value="{ReaderKey}" />
                </applayer>
              </packageSourceCredentials>
            </configuration>
            """);
        return config;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
