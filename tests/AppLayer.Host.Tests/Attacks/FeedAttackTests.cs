using System.Net;
using System.Net.Http.Json;
using AppLayer.Core.Customers;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Sdk;

namespace AppLayer.Host.Tests.Attacks;

/// <summary>
/// The host's half of the attack list, one named test each: every refusal is a clear
/// problem answer, and nothing is stored: no package row, no file, no newly signed metadata.
/// </summary>
public sealed class FeedAttackTests : IAsyncLifetime
{
    private readonly HostFactory _host = new(("AppLayer:MaxPackageBytes", "200000"), ("AppLayer:MaxUncompressedBytes", "2000000"));
    private HttpClient _publisher = null!;
    private byte[] _timestamp = null!;

    public async Task InitializeAsync()
    {
        _publisher = await _host.PublisherAsync();
        _timestamp = await Timestamp();
    }

    public async Task DisposeAsync()
    {
        _publisher.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Malformed_zip_is_refused_and_nothing_is_stored()
    {
        var package = TestPackages.Update("Cz.Vat2024", "1.0.0");
        package[10] ^= 0xFF;
        Array.Resize(ref package, package.Length - 100); // no central directory any more

        using var response = await _publisher.PushAsync(package);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("zip");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Zip_bomb_is_refused_and_nothing_is_stored()
    {
        var package = TestPackages.Build("Cz.Bomb", "1.0.0", TestPackages.Manifest("Cz.Bomb", "1.0.0").ToJson(), ("content/zeros.bin", new byte[3_000_000]));
        package.Length.ShouldBeLessThan(200_000);

        using var response = await _publisher.PushAsync(package);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("unpacks to more than");
        await NothingStoredAsync();
    }

    [Theory]
    [InlineData("../evil.txt", "'..'")]
    [InlineData("/etc/evil", "absolute")]
    [InlineData("lib/NUL.dll", "device name")]
    public async Task Traversal_entries_are_refused_and_nothing_is_stored(string entry, string reason)
    {
        using var response = await _publisher.PushAsync(TestPackages.WithEntry(TestPackages.Update("Cz.Vat2024", "1.0.0"), entry));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain(reason);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Oversized_upload_is_refused_and_nothing_is_stored()
    {
        var random = new byte[300_000];
        new Random(4).NextBytes(random); // incompressible
        var package = TestPackages.Build("Cz.Big", "1.0.0", TestPackages.Manifest("Cz.Big", "1.0.0").ToJson(), ("content/random.bin", random));

        using var response = await _publisher.PushAsync(package);

        ((int)response.StatusCode).ShouldBeOneOf(400, 413);
        (await response.Content.ReadAsStringAsync()).ShouldContain("limit");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once_and_nothing_is_stored()
    {
        var key = await _host.KeyAsync(KeyScope.Publish);
        using var publisher = _host.Client(key);
        using var manager = await _host.ManagerAsync();
        (await manager.PostAsJsonAsync("/api/keys/revoke", new { key })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var push = await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));
        using var read = await publisher.GetAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));

        (await push.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ShouldContain("revoked");
        read.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Expired_key_is_refused_and_nothing_is_stored()
    {
        using var publisher = _host.Client(await _host.KeyAsync(KeyScope.Publish, expiresInDays: 1));
        _host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        _timestamp = await Timestamp(); // the clock moved: the host signs a fresh timestamp on its own

        using var push = await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

        (await push.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ShouldContain("expired");
        await NothingStoredAsync();
    }

    [Fact]
    public async Task Another_tenants_package_wrong_software_is_404_everywhere_for_other_site_keys()
    {
        using var manager = await _host.ManagerAsync();
        await manager.CoveredCustomerAsync("novak", "accounting");
        await manager.CoveredCustomerAsync("dvorak", "accounting");
        var bespoke = TestPackages.Manifest("Novak.SalaryFix", "1.0.0", "accounting") with { Kind = UpdateKind.DataFix, Customer = "novak" };
        (await _publisher.PushAsync(TestPackages.Build("Novak.SalaryFix", "1.0.0", bespoke.ToJson()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var novak = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));
        using var dvorak = _host.Client(await _host.KeyAsync(KeyScope.Site, "dvorak-prod"));

        foreach (var path in new[]
        {
            "/v3/flatcontainer/novak.salaryfix/index.json",
            "/v3/flatcontainer/novak.salaryfix/1.0.0/novak.salaryfix.1.0.0.nupkg",
            "/v3/flatcontainer/novak.salaryfix/1.0.0/novak.salaryfix.nuspec",
            "/v3/registration/novak.salaryfix/index.json",
            "/v3/registration/novak.salaryfix/1.0.0.json",
        })
        {
            (await dvorak.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await novak.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        (await dvorak.GetStringAsync(new Uri("/v3/search?q=salary", UriKind.Relative))).ShouldContain("\"totalHits\":0");
        (await novak.GetStringAsync(new Uri("/v3/search?q=salary", UriKind.Relative))).ShouldContain("\"totalHits\":1");
        (await dvorak.GetStringAsync(new Uri("/api/site/updates", UriKind.Relative))).ShouldNotContain("Novak.SalaryFix");
        (await novak.GetStringAsync(new Uri("/api/site/updates", UriKind.Relative))).ShouldContain("Novak.SalaryFix");
    }

    [Fact]
    public async Task A_legislative_update_that_names_a_customer_is_refused()
    {
        var manifest = TestPackages.Manifest("Cz.Vat2024", "1.0.0") with { Customer = "novak" };

        using var response = await _publisher.PushAsync(TestPackages.Build("Cz.Vat2024", "1.0.0", manifest.ToJson()));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldContain("customer 'novak' is not allowed");
        await NothingStoredAsync();
    }

    private async Task<byte[]> Timestamp()
    {
        using var reader = _host.Client(await _host.KeyAsync(KeyScope.Manager));
        return await reader.GetByteArrayAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));
    }

    private async Task NothingStoredAsync()
    {
        (await _host.CountAsync("packages")).ShouldBe(0);
        _host.PackageFiles().Where(f => !f.StartsWith(".incoming", StringComparison.Ordinal)).ShouldBeEmpty();
        (await Timestamp()).ShouldBe(_timestamp, "no newly signed metadata");
    }
}
