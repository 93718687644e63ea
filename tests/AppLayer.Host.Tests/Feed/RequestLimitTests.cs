using System.Net;
using System.Security.Cryptography;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>Kestrel's own body limit, on a real loopback host (the test server does not enforce it).</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("applayer-limits-").FullName;
    private RunningHost _host = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _key = (await AppLayerHost.CreateKeyAsync(_data, KeyScope.Publish, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = _data, Urls = "http://127.0.0.1:0", MaxPackageBytes = 10_000 });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_body_far_over_the_package_limit_is_cut_off_with_413_and_nothing_is_stored()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", _key);
        var huge = TestPackages.Build("Cz.Huge", "1.0.0", TestPackages.Manifest("Cz.Huge", "1.0.0").ToJson(), ("content/noise.bin", RandomNumberGenerator.GetBytes(3_000_000)));

        using var response = await client.PushAsync(huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Directory.Exists(Path.Combine(_data, "packages", "cz.huge")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_body_just_over_the_package_limit_is_400_with_the_limit_in_the_title()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-NuGet-ApiKey", _key);
        var big = TestPackages.Build("Cz.Big", "1.0.0", TestPackages.Manifest("Cz.Big", "1.0.0").ToJson(), ("content/noise.bin", RandomNumberGenerator.GetBytes(20_000)));

        using var response = await client.PushAsync(big);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("larger than");
    }
}
