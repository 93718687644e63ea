using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Api;

public sealed class ReleaseEndpointsTests : IAsyncLifetime
{
    private readonly HostFactory _host = new();
    private HttpClient _publisher = null!;

    public async Task InitializeAsync()
    {
        _publisher = await _host.PublisherAsync();
        foreach (var (id, version) in new[] { ("Cz.Vat2024", "1.0.0"), ("Cz.MinimumWage2025", "1.0.0") })
        {
            (await _publisher.PushAsync(TestPackages.Update(id, version))).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_publisher_creates_a_release_with_notes_and_lists_it()
    {
        var created = await _publisher.PostJsonAsync<ReleaseDto>("/api/releases", new CreateReleaseRequest("2024.1", ["cz.vat2024@1.0", "Cz.MinimumWage2025@1.0.0"]));

        var listed = await _publisher.GetJsonAsync<ReleaseDto[]>("/api/releases");

        created.Packages.ShouldBe(["Cz.Vat2024@1.0.0", "Cz.MinimumWage2025@1.0.0"]);
        created.Notes.ShouldStartWith("# 2024.1");
        created.Notes.ShouldContain("**Title of Cz.Vat2024** (Cz.Vat2024 1.0.0, Legislative); Act No. 349/2023 Coll.; effective 2024-01-01");
        listed.ShouldHaveSingleItem().Packages.ShouldBe(created.Packages);
        listed[0].Notes.ShouldBe(created.Notes);
    }

    [Fact]
    public async Task Answers_409_for_a_name_in_use_because_releases_are_immutable()
    {
        await _publisher.PostJsonAsync<ReleaseDto>("/api/releases", new CreateReleaseRequest("2024.1", ["Cz.Vat2024@1.0.0"]));

        using var response = await _publisher.PostAsJsonAsync("/api/releases", new CreateReleaseRequest("2024.1", ["Cz.MinimumWage2025@1.0.0"]));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _publisher.GetJsonAsync<ReleaseDto[]>("/api/releases")).ShouldHaveSingleItem().Packages.ShouldBe(["Cz.Vat2024@1.0.0"]);
    }

    [Theory]
    [InlineData("Cz.Vat2024@9.0.0", "not in the feed")]
    [InlineData("Cz.Vat2024", "not a package as Id@Version")]
    public async Task Answers_400_and_stores_nothing_for_a_package_it_cannot_find(string package, string title)
    {
        using var response = await _publisher.PostAsJsonAsync("/api/releases", new CreateReleaseRequest("2024.2", ["Cz.MinimumWage2025@1.0.0", package]));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(title);
        (await _host.CountAsync("releases")).ShouldBe(0);
        (await _host.CountAsync("release_packages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_site_key_may_not_create_a_release()
    {
        using var manager = await _host.ManagerAsync();
        await manager.CoveredCustomerAsync("novak", "accounting");
        using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

        using var response = await site.PostAsJsonAsync("/api/releases", new CreateReleaseRequest("2024.3", ["Cz.Vat2024@1.0.0"]));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
