using AppLayer.Core.Model;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The real AppLayer.Sdk package pushed with <c>dotnet nuget push</c> and consumed by a plugin project from the feed.</summary>
public sealed class KitDotnetCliTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-kit-").FullName;
    private RunningHost _host = null!;
    private string _publishKey = null!;
    private string _readerKey = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        _publishKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Publish, null, null)).Key;
        _readerKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Manager, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_packed_sdk_is_pushed_with_dotnet_nuget_push_and_a_plugin_project_restores_it_from_the_feed_and_builds()
    {
        var packed = Path.Combine(_root, "packed");
        var pack = await DotnetAsync(DotnetCli.RepoRoot(), "pack", Path.Combine(DotnetCli.RepoRoot(), "plugins", "AppLayer.Sdk"), "--no-build", "-c", DotnetCli.Configuration(), "-o", packed);
        pack.ExitCode.ShouldBe(0, pack.Output);
        var nupkg = Path.Combine(packed, "AppLayer.Sdk.0.1.0.nupkg");

        // The NuGet.Config (only the host feed) sits above the consumer project: add package and build find it.
        var consumer = Directory.CreateDirectory(Path.Combine(_root, "Cz.Consumer")).FullName;
        var config = Path.Combine(_root, "NuGet.Config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{new Uri(_host.BaseAddress, "v3/index.json").AbsoluteUri}" allowInsecureConnections="true" />
              </packageSources>
              <packageSourceCredentials>
                <applayer>
                  <add key="Username" value="plugin-author" />
                  <add key="ClearTextPassword" value="{_readerKey}" />
                </applayer>
              </packageSourceCredentials>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Cz.Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Noop.cs"), """
            using AppLayer.Sdk;

            namespace Cz.Consumer;

            public sealed class Noop : IUpdate
            {
                public Task<StepResult> PreflightAsync(IUpdateContext context, CancellationToken cancellationToken) => throw new NotSupportedException();

                public Task ApplyAsync(IUpdateContext context, CancellationToken cancellationToken) => throw new NotSupportedException();

                public Task<StepResult> VerifyAsync(IUpdateContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
            }
            """);

        var push = await DotnetAsync(_root, "nuget", "push", nupkg, "--source", "applayer", "--api-key", _publishKey, "--configfile", config);
        var add = await DotnetAsync(consumer, "add", "package", "AppLayer.Sdk", "--version", "0.1.0");
        var build = await DotnetAsync(consumer, "build");

        push.ExitCode.ShouldBe(0, push.Output);
        add.ExitCode.ShouldBe(0, add.Output);
        build.ExitCode.ShouldBe(0, build.Output);
        File.Exists(Path.Combine(consumer, "bin", "Debug", "net10.0", "Cz.Consumer.dll")).ShouldBeTrue(build.Output);
    }

    private Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] args) =>
        DotnetCli.RunAsync(workingDirectory, TimeSpan.FromMinutes(4), new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget-packages") }, args);
}
