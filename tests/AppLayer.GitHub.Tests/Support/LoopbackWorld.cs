using AppLayer.Cli;
using AppLayer.Core.Keys;
using AppLayer.GitHubStandIn;
using AppLayer.Host;
using AppLayer.Protocol.Client;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.GitHub.Tests.Support;

/// <summary>
/// A real AppLayer host (fresh data folder, fake clock at 2024-01-15) and the GitHub stand-in,
/// both on 127.0.0.1, and the <c>applayer</c> arguments that reach them.
/// </summary>
public class LoopbackWorld : IAsyncLifetime
{
    public const string Token = "ghp_StandInSecret0123456789abcdefghijklmn";
    public const string Repository = "acme/laws";

    private RunningHost? _host;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("applayer-github-tests-").FullName;

    public GitHubStandIn.GitHubStandIn GitHub { get; private set; } = null!;

    public string HostUrl => _host!.BaseAddress.AbsoluteUri;

    public string ManagerKey { get; private set; } = string.Empty;

    public string PublishKey { get; private set; } = string.Empty;

    public AppLayerClient Manager() => new(_host!.BaseAddress, ManagerKey);

    /// <summary>Runs <c>applayer</c> with the host, a manager key and (for GitHub verbs) the stand-in's address.</summary>
    public Task<CliResult> ApplayerAsync(params string[] args) =>
        Cli.RunAsync([.. args, "--host", HostUrl, "--key", ManagerKey]);

    public Task<CliResult> GitHubVerbAsync(params string[] args) =>
        ApplayerAsync([.. args, "--api-url", GitHub.BaseAddress.AbsoluteUri]);

    public virtual async Task InitializeAsync()
    {
        ManagerKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Manager, null, null)).Key;
        PublishKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Publish, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0", Time = Time });
        GitHub = await GitHubStandIn.GitHubStandIn.StartAsync(Token);
        GitHub.AddRepository(Repository);
    }

    public async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }
}
