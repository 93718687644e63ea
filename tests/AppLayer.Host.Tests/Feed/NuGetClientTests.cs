using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The feed read and written by NuGet's own client code against a real Kestrel on loopback.</summary>
public sealed class NuGetClientTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-nuget-").FullName;
    private RunningHost _host = null!;
    private string _publishKey = null!;
    private string _managerKey = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    private string Source => new Uri(_host.BaseAddress, "v3/index.json").AbsoluteUri;

    public async Task InitializeAsync()
    {
        _publishKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Publish, null, null)).Key;
        _managerKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Manager, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void The_host_reports_the_port_it_really_bound()
    {
        _host.BaseAddress.Host.ShouldBe("127.0.0.1");
        _host.BaseAddress.Port.ShouldNotBe(0);
    }

    [Fact]
    public async Task NuGet_protocol_pushes_a_package_and_reads_it_back_with_basic_credentials()
    {
        var bytes = TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting");
        var path = Path.Combine(_root, "Cz.Vat2024.1.0.0.nupkg");
        await File.WriteAllBytesAsync(path, bytes);
        var publisher = Repository.Factory.GetCoreV3(new PackageSource(Source) { AllowInsecureConnections = true });

        var log = new CapturingNuGetLogger();
        var push = await publisher.GetResourceAsync<PackageUpdateResource>();
        await push!.Push(
            [path],
            symbolSource: null!,
            timeoutInSecond: 60,
            disableBuffering: false,
            getApiKey: _ => _publishKey,
            getSymbolApiKey: _ => null!,
            noServiceEndpoint: false,
            skipDuplicate: false,
            symbolPackageUpdateResource: null,
            allowInsecureConnections: true,
            log: log);
        File.Exists(Path.Combine(DataDirectory, "packages", "cz.vat2024", "1.0.0", "cz.vat2024.1.0.0.nupkg")).ShouldBeTrue(log.Text);

        var reader = Repository.Factory.GetCoreV3(new PackageSource(Source, "applayer")
        {
            AllowInsecureConnections = true,
            Credentials = new PackageSourceCredential("applayer", "anyone", _managerKey, isPasswordClearText: true, validAuthenticationTypesText: null),
        });
        var find = await reader.GetResourceAsync<FindPackageByIdResource>();
        using var cache = new SourceCacheContext { NoCache = true };
        var versions = await find!.GetAllVersionsAsync("cz.vat2024", cache, NullLogger.Instance, CancellationToken.None);
        using var copy = new MemoryStream();
        var found = await find.CopyNupkgToStreamAsync("Cz.Vat2024", NuGetVersion.Parse("1.0.0"), copy, cache, NullLogger.Instance, CancellationToken.None);

        versions.ShouldBe([NuGetVersion.Parse("1.0.0")]);
        found.ShouldBeTrue();
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task NuGet_protocol_without_credentials_is_refused_by_the_feed()
    {
        var reader = Repository.Factory.GetCoreV3(new PackageSource(Source) { AllowInsecureConnections = true });
        var find = await reader.GetResourceAsync<FindPackageByIdResource>();
        using var cache = new SourceCacheContext { NoCache = true };

        var error = await Should.ThrowAsync<FatalProtocolException>(() => find!.GetAllVersionsAsync("cz.vat2024", cache, NullLogger.Instance, CancellationToken.None));

        error.ToString().ShouldContain("401");
    }

    [Fact]
    public async Task Dotnet_nuget_push_is_accepted_and_a_second_push_is_refused()
    {
        var path = Path.Combine(_root, "Cz.MinimumWage2025.1.0.0.nupkg");
        await File.WriteAllBytesAsync(path, TestPackages.Update("Cz.MinimumWage2025", "1.0.0", "payroll"));
        var config = Path.Combine(_root, "NuGet.Config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{Source}" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);

        var first = await DotnetAsync("nuget", "push", path, "--source", "applayer", "--api-key", _publishKey, "--configfile", config);
        var second = await DotnetAsync("nuget", "push", path, "--source", "applayer", "--api-key", _publishKey, "--configfile", config);

        first.ExitCode.ShouldBe(0, first.Output);
        File.Exists(Path.Combine(DataDirectory, "packages", "cz.minimumwage2025", "1.0.0", "cz.minimumwage2025.1.0.0.nupkg")).ShouldBeTrue();
        second.ExitCode.ShouldNotBe(0);
        second.Output.ShouldContain("409");
    }

    [Fact]
    public async Task Dotnet_nuget_push_of_a_refused_package_shows_the_hosts_reason()
    {
        var path = Path.Combine(_root, "Cz.NoManifest.1.0.0.nupkg");
        await File.WriteAllBytesAsync(path, TestPackages.Build("Cz.NoManifest", "1.0.0", manifestJson: null));
        var config = Path.Combine(_root, "NuGet.Config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="applayer" value="{Source}" allowInsecureConnections="true" />
              </packageSources>
            </configuration>
            """);

        var push = await DotnetAsync("nuget", "push", path, "--source", "applayer", "--api-key", _publishKey, "--configfile", config);

        push.ExitCode.ShouldNotBe(0);
        push.Output.ShouldContain("400 (The package has no applayer.update.json at its root; it is not an update package.)");
    }

    private Task<(int ExitCode, string Output)> DotnetAsync(params string[] args) =>
        DotnetCli.RunAsync(_root, TimeSpan.FromMinutes(3), null, args);
}
