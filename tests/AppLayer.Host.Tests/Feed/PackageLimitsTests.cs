using System.Net;
using System.Text.Json;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Feed;

/// <summary>The host refuses at push what a site would refuse to extract: the same crafted packages as the site tests, the same limits.</summary>
public static class PackageLimitsTests
{
    public sealed class PutPackage : IAsyncLifetime
    {
        private readonly HostFactory _host = new(CraftedPackages.HostSettings);
        private HttpClient _publisher = null!;

        public async Task InitializeAsync() => _publisher = await _host.PublisherAsync();

        public async Task DisposeAsync()
        {
            _publisher.Dispose();
            await _host.DisposeAsync();
        }

        [Theory]
        [MemberData(nameof(CraftedPackages.Broken), MemberType = typeof(CraftedPackages))]
        public async Task Refuses_a_package_that_breaks_one_limit_with_400_naming_the_limit_and_stores_nothing(string limit)
        {
            var package = CraftedPackages.Breaking(TestPackages.Update("Cz.Bomb", "1.0.0"), limit);

            using var response = await _publisher.PushAsync(package);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldStartWith($"The package is refused by the {limit} limit: ");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("limit").GetString().ShouldBe(limit);
            (await _host.CountAsync("packages")).ShouldBe(0);
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task Accepts_a_package_just_under_every_limit()
        {
            using var response = await _publisher.PushAsync(CraftedPackages.JustUnder(TestPackages.Update("Cz.Close", "1.0.0")));

            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    public sealed class PutPackage_with_default_limits : IAsyncLifetime
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
        public async Task Refuses_a_small_package_that_unpacks_to_a_thousand_times_its_size()
        {
            var bomb = TestPackages.Build("Cz.Bomb", "1.0.0", TestPackages.Manifest("Cz.Bomb", "1.0.0").ToJson(), ("content/zeros.bin", new byte[20 * 1024 * 1024]));
            bomb.Length.ShouldBeLessThan(100 * 1024);

            using var response = await _publisher.PushAsync(bomb);

            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldStartWith("The package is refused by the compression-ratio limit: entry 'content/zeros.bin' unpacks to ");
        }
    }
}
