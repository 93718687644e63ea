using System.Net;
using System.Text.Json;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

public sealed class FlatContainerTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;

    public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Lists_versions_lower_case_normalised_and_in_version_order()
    {
        foreach (var version in new[] { "1.10.0", "2.0.0-Beta", "1.2" })
        {
            (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", version))).EnsureSuccessStatusCode();
        }

        using var versions = JsonDocument.Parse(await _publisher.GetStringAsync(new Uri("/v3/flatcontainer/CZ.VAT2024/index.json", UriKind.Relative)));

        versions.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ShouldBe(["1.2.0", "1.10.0", "2.0.0-beta"]);
    }

    [Fact]
    public async Task Serves_a_version_asked_for_in_another_spelling()
    {
        var package = TestPackages.Update("Cz.Vat2024", "1.2");
        (await _publisher.PushAsync(package)).EnsureSuccessStatusCode();

        (await _publisher.GetByteArrayAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.2.0/cz.vat2024.1.2.0.nupkg", UriKind.Relative))).ShouldBe(package);
    }

    [Fact]
    public async Task Answers_404_problem_for_an_unknown_id()
    {
        using var response = await _publisher.GetAsync(new Uri("/v3/flatcontainer/nothing.here/index.json", UriKind.Relative));

        (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldContain("nothing.here");
    }

    [Fact]
    public async Task Answers_404_for_an_unknown_version_or_file_name()
    {
        (await _publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"))).EnsureSuccessStatusCode();

        using var version = await _publisher.GetAsync(new Uri("/v3/flatcontainer/cz.vat2024/9.9.9/cz.vat2024.9.9.9.nupkg", UriKind.Relative));
        using var file = await _publisher.GetAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.0.0/other.1.0.0.nupkg", UriKind.Relative));

        await version.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await file.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/v3/flatcontainer/..%2F..%2Fapplayer.db/index.json")]
    [InlineData("/v3/flatcontainer/..%2F..%2F/applayer/..%2F..%2Fapplayer.db")]
    [InlineData("/v3/flatcontainer/x/1.0.0%2F..%2F..%2F..%2F/x.nuspec")]
    public async Task Never_serves_a_file_outside_the_feed(string path)
    {
        using var response = await _publisher.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
