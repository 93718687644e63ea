using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The real AppLayer.Sdk package pushed with <c>dotnet nuget push</c> and consumed by a plugin project from the feed.</summary>
public sealed class KitDotnetCliTests : IAsyncLifetime
{
    private KitFeedHost _kit = null!;

    public async Task InitializeAsync() => _kit = await KitFeedHost.StartAsync("applayer-kit-");

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task The_packed_sdk_is_pushed_with_dotnet_nuget_push_and_a_plugin_project_restores_it_from_the_feed_and_builds()
    {
        var packed = Path.Combine(_kit.Root, "packed");
        var pack = await _kit.DotnetAsync(DotnetCli.RepoRoot(), "pack", Path.Combine(DotnetCli.RepoRoot(), "plugins", "AppLayer.Sdk"), "--no-build", "-c", DotnetCli.Configuration(), "-o", packed);
        pack.ExitCode.ShouldBe(0, pack.Output);
        var nupkg = Path.Combine(packed, "AppLayer.Sdk.0.1.0.nupkg");

        // The NuGet.Config (only the host feed) sits above the consumer project: add package and build find it.
        var consumer = Directory.CreateDirectory(Path.Combine(_kit.Root, "Cz.Consumer")).FullName;
        var config = await _kit.WriteNuGetConfigAsync();
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

        var push = await _kit.DotnetAsync(_kit.Root, "nuget", "push", nupkg, "--source", "applayer", "--api-key", _kit.PublishKey, "--configfile", config);
        var add = await _kit.DotnetAsync(consumer, "add", "package", "AppLayer.Sdk", "--version", "0.1.0");
        var build = await _kit.DotnetAsync(consumer, "build");

        push.ExitCode.ShouldBe(0, push.Output);
        add.ExitCode.ShouldBe(0, add.Output);
        build.ExitCode.ShouldBe(0, build.Output);
        File.Exists(Path.Combine(consumer, "bin", "Debug", "net10.0", "Cz.Consumer.dll")).ShouldBeTrue(build.Output);
    }
}
