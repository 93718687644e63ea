using System.Net;
using System.Net.Http.Headers;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>A nupkg is served as a static file server serves it: validators, conditional requests, ranges.</summary>
public sealed class PackageDownloadTests : IAsyncLifetime
{
    private static readonly Uri Nupkg = new("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg", UriKind.Relative);

    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;
    private byte[] _package = null!;

    public async Task InitializeAsync()
    {
        _publisher = await _host.PublisherAsync();
        _package = TestPackages.Update("Cz.Vat2024", "1.0.0");
        (await _publisher.PushAsync(_package)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_download_has_an_etag_and_last_modified_and_a_repeat_with_the_etag_is_a_bodiless_304()
    {
        using var first = await _publisher.GetAsync(Nupkg);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsByteArrayAsync()).ShouldBe(_package);
        first.Content.Headers.LastModified.ShouldNotBeNull();
        var tag = first.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, Nupkg);
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await _publisher.SendAsync(again);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_range_request_gets_exactly_those_bytes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Nupkg);
        request.Headers.Range = new RangeHeaderValue(10, 29);

        using var response = await _publisher.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(_package[10..30]);
        response.Content.Headers.ContentRange!.Length.ShouldBe(_package.Length);
    }

    [Fact]
    public async Task A_package_file_rewritten_on_disk_is_read_again_and_served_while_it_matches_its_signature()
    {
        (await _publisher.GetByteArrayAsync(Nupkg)).ShouldBe(_package);
        var file = Directory.GetFiles(_host.PackagesDirectory, "cz.vat2024.1.0.0.nupkg", SearchOption.AllDirectories).Single();

        // Restored from a backup: same bytes, new time stamp. Changed bytes are HostDiskTamperingTests' part.
        await File.WriteAllBytesAsync(file, _package);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        using var response = await _publisher.GetAsync(Nupkg);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(_package);
        response.Content.Headers.LastModified!.Value.UtcDateTime.ShouldBeGreaterThan(DateTime.UtcNow);
    }
}
