using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using NuGet.Common;
using NuGet.Protocol.Core.Types;

namespace AppLayer.Host.Tests.Feed;

/// <summary>Registrations, search, versions, download and delete = unlist, read by NuGet.Protocol against a real Kestrel.</summary>
public sealed class NuGetProtocolTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("applayer-protocol-").FullName;
    private RunningHost _host = null!;
    private string _publishKey = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    private string Source => new Uri(_host.BaseAddress, "v3/index.json").AbsoluteUri;

    public async Task InitializeAsync()
    {
        _publishKey = (await AppLayerHost.CreateKeyAsync(DataDirectory, KeyScope.Publish, null, null)).Key;
        _host = await AppLayerHost.StartAsync(new AppLayerHostOptions { DataDirectory = DataDirectory, Urls = "http://127.0.0.1:0" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Cz.Vat2024 1.0.0, 1.1.0 (unlisted) and 2.0.0-beta.1; Cz.MinimumWage2025 1.0.0.</summary>
    internal static async Task PublishSampleFeedAsync(HttpClient publisher, SourceRepository feed, string publishKey)
    {
        foreach (var (id, version) in new[] { ("Cz.Vat2024", "1.0.0"), ("Cz.Vat2024", "1.1.0"), ("Cz.Vat2024", "2.0.0-beta.1"), ("Cz.MinimumWage2025", "1.0.0") })
        {
            using var response = await publisher.PushAsync(TestPackages.Update(id, version, "accounting"));
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var update = (await feed.GetResourceAsync<PackageUpdateResource>())!;
        var log = new CapturingNuGetLogger();
        await update.Delete("Cz.Vat2024", "1.1.0", _ => publishKey, _ => true, noServiceEndpoint: false, allowInsecureConnections: true, log);
        log.Text.ShouldNotContain("rror", customMessage: log.Text);
        log.Text.ShouldContain("was deleted successfully", customMessage: log.Text);
    }

    [Fact]
    public async Task NuGet_protocol_reads_metadata_versions_downloads_and_search_with_unlisting_and_prerelease()
    {
        using var publisher = new HttpClient { BaseAddress = _host.BaseAddress };
        publisher.DefaultRequestHeaders.Add("X-NuGet-ApiKey", _publishKey);
        var feed = FeedProbe.Repository(Source, _publishKey);
        await PublishSampleFeedAsync(publisher, feed, _publishKey);

        var lines = await FeedProbe.DescribeAsync(feed, ["Cz.Vat2024", "Cz.MinimumWage2025"]);

        lines.ShouldContain("metadata Cz.Vat2024 unlisted=True: 1.0.0 listed=True title=Title of Cz.Vat2024, 1.1.0 listed=False title=Title of Cz.Vat2024, 2.0.0-beta.1 listed=True title=Title of Cz.Vat2024");
        lines.ShouldContain("metadata Cz.Vat2024 unlisted=False: 1.0.0 listed=True title=Title of Cz.Vat2024, 2.0.0-beta.1 listed=True title=Title of Cz.Vat2024");
        lines.ShouldContain("versions Cz.Vat2024: 1.0.0, 1.1.0, 2.0.0-beta.1");
        lines.ShouldContain(l => l.StartsWith("download Cz.Vat2024 1.1.0: found=True", StringComparison.Ordinal));
        lines.ShouldContain("search '' prerelease=False skip=0 take=20: Cz.MinimumWage2025 1.0.0 [1.0.0]; Cz.Vat2024 1.0.0 [1.0.0]");
        lines.ShouldContain("search 'vat' prerelease=False skip=0 take=20: Cz.Vat2024 1.0.0 [1.0.0]");
        lines.ShouldContain("search 'vat' prerelease=True skip=0 take=20: Cz.Vat2024 2.0.0-beta.1 [1.0.0 2.0.0-beta.1]");
        lines.ShouldContain("search '' prerelease=True skip=1 take=1: Cz.Vat2024 2.0.0-beta.1 [1.0.0 2.0.0-beta.1]");
        lines.ShouldContain("search 'nothing-like-this' prerelease=True skip=0 take=20: ");
    }

    [Fact]
    public async Task An_unlisted_version_is_never_reused_and_versions_compare_normalised()
    {
        using var publisher = new HttpClient { BaseAddress = _host.BaseAddress };
        publisher.DefaultRequestHeaders.Add("X-NuGet-ApiKey", _publishKey);
        (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await publisher.DeleteAsync(new Uri("/api/v2/package/Cz.Vat2024/1.0", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var again = await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await publisher.DeleteAsync(new Uri("/api/v2/package/Cz.Vat2024/9.9.9", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await publisher.GetStringAsync(new Uri("/v3/registration/cz.vat2024/1.0.0.json", UriKind.Relative))).ShouldContain("\"listed\":false");
    }
}
