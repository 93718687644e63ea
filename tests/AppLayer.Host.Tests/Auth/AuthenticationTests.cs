using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Auth;

public static class AuthenticationTests
{
    public sealed class Without_a_valid_key : IAsyncLifetime
    {
        private readonly HostFactory _host = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task A_push_is_401_with_a_basic_challenge_and_nothing_is_stored()
        {
            using var anonymous = _host.Client();

            using var response = await anonymous.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ShouldContain("API key is required");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"AppLayer\"");
            (await _host.CountAsync("packages")).ShouldBe(0);
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task A_push_with_an_unknown_key_is_401_and_nothing_is_stored()
        {
            using var stranger = _host.Client("al_" + new string('x', 43));

            using var response = await stranger.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ShouldContain("unknown, revoked or expired");
            (await _host.CountAsync("packages")).ShouldBe(0);
        }

        [Fact]
        public async Task A_manager_call_with_a_wrong_key_is_401_and_changes_nothing()
        {
            using var stranger = _host.Client("wrong");

            using var response = await stranger.PostAsJsonAsync("/api/customers", new CreateCustomerRequest("novak", "Novák"));

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            (await _host.CountAsync("customers")).ShouldBe(0);
        }

        [Fact]
        public async Task A_basic_header_that_is_not_base64_is_401()
        {
            using var client = _host.Client(new AuthenticationHeaderValue("Basic", "%%%"));

            using var response = await client.GetAsync(new Uri("/api/customers", UriKind.Relative));

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        [Fact]
        public async Task An_expired_key_is_401()
        {
            using var client = _host.Client(await _host.KeyAsync(KeyScope.Manager, expiresInDays: 7));
            (await client.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

            _host.Time.Advance(TimeSpan.FromDays(8));

            using var response = await client.GetAsync(new Uri("/api/customers", UriKind.Relative));
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        [Fact]
        public async Task The_service_index_needs_no_key_and_names_both_resources_absolutely()
        {
            using var anonymous = _host.Client();

            using var index = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/v3/index.json", UriKind.Relative)));

            index.RootElement.GetProperty("version").GetString().ShouldBe("3.0.0");
            var resources = index.RootElement.GetProperty("resources").EnumerateArray()
                .ToDictionary(r => r.GetProperty("@type").GetString()!, r => r.GetProperty("@id").GetString()!);
            resources["PackagePublish/2.0.0"].ShouldBe("http://localhost/api/v2/package");
            resources["PackageBaseAddress/3.0.0"].ShouldBe("http://localhost/v3/flatcontainer/");
        }

        [Fact]
        public async Task The_flat_container_needs_a_key()
        {
            using var anonymous = _host.Client();

            using var response = await anonymous.GetAsync(new Uri("/v3/flatcontainer/cz.vat2024/index.json", UriKind.Relative));

            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    public sealed class With_a_valid_key : IAsyncLifetime
    {
        private readonly HostFactory _host = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task The_key_is_read_from_a_bearer_token()
        {
            using var client = _host.Client(new AuthenticationHeaderValue("Bearer", await _host.KeyAsync(KeyScope.Manager)));

            (await client.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task The_key_is_read_from_the_password_of_basic_credentials()
        {
            var key = await _host.KeyAsync(KeyScope.Manager);
            using var client = _host.Client(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + key))));

            (await client.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task A_site_key_on_a_manager_endpoint_is_403_naming_the_scope_needed()
        {
            using var manager = await _host.ManagerAsync();
            await manager.CoveredCustomerAsync("novak", "accounting");
            using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

            using var response = await site.PostAsJsonAsync("/api/customers", new CreateCustomerRequest("horak", "Horák"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ShouldBe("This needs a manager key; a site key was sent.");
            (await _host.CountAsync("customers")).ShouldBe(1);
        }

        [Fact]
        public async Task A_site_key_cannot_push()
        {
            using var manager = await _host.ManagerAsync();
            await manager.CoveredCustomerAsync("novak", "accounting");
            using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

            using var response = await site.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ShouldContain("publish or manager key");
            _host.PackageFiles().ShouldBeEmpty();
        }

        [Fact]
        public async Task A_publish_key_on_a_manager_endpoint_is_403()
        {
            using var publisher = await _host.PublisherAsync();

            using var response = await publisher.GetAsync(new Uri("/api/customers", UriKind.Relative));

            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        [Fact]
        public async Task A_manager_key_on_a_site_endpoint_is_403()
        {
            using var manager = await _host.ManagerAsync();

            using var response = await manager.GetAsync(new Uri("/api/site/me", UriKind.Relative));

            (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ShouldContain("needs a site key");
        }

        [Fact]
        public async Task A_manager_key_may_also_publish()
        {
            using var manager = await _host.ManagerAsync();

            using var response = await manager.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"));

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        [Fact]
        public async Task Any_key_may_read_the_flat_container()
        {
            using var publisher = await _host.PublisherAsync();
            (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0"))).EnsureSuccessStatusCode();
            using var manager = await _host.ManagerAsync();
            await manager.CoveredCustomerAsync("novak", "accounting");
            using var site = _host.Client(await _host.KeyAsync(KeyScope.Site, "novak-prod"));

            (await site.GetByteArrayAsync(new Uri("/v3/flatcontainer/cz.vat2024/1.0.0/cz.vat2024.1.0.0.nupkg", UriKind.Relative))).ShouldNotBeEmpty();
        }
    }
}
