using System.Security.Cryptography;
using System.Text;
using AppLayer.Core;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol;

namespace AppLayer.Host.Tests.Keys;

public static class ApiKeyServiceTests
{
    public sealed class CreateAsync : IAsyncLifetime
    {
        private readonly TempStorage _storage = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _storage.DisposeAsync();

        [Fact]
        public async Task Makes_al_and_43_base64url_characters_different_each_time()
        {
            var first = await _storage.Keys.CreateAsync(KeyScope.Publish, null, null, CancellationToken.None);
            var second = await _storage.Keys.CreateAsync(KeyScope.Publish, null, null, CancellationToken.None);

            first.Key.ShouldMatch("^al_[A-Za-z0-9_-]{43}$");
            second.Key.ShouldNotBe(first.Key);
            first.Scope.ShouldBe("publish");
            first.ExpiresAt.ShouldBeNull();
        }

        [Fact]
        public async Task Stores_only_the_sha256_of_the_key()
        {
            var created = await _storage.Keys.CreateAsync(KeyScope.Manager, null, null, CancellationToken.None);

            await using var connection = await _storage.Database.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT hash FROM api_keys";
            var stored = (string)(await command.ExecuteScalarAsync())!;
            stored.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key))));
            stored.ShouldNotContain(created.Key[3..]);
        }

        [Fact]
        public async Task Binds_a_site_key_to_its_installation_and_sets_the_expiry()
        {
            var customer = await _storage.Get<ICustomerStore>().AddAsync("novak", "Novák", _storage.Time.GetUtcNow(), CancellationToken.None);
            await _storage.Get<IInstallationStore>().AddAsync(
                new Installation(0, customer!.Id, "novak-prod", "prod", "5.2", [], "Europe/Prague", _storage.Time.GetUtcNow()),
                CancellationToken.None);

            var created = await _storage.Keys.CreateAsync(KeyScope.Site, "NOVAK-PROD", 30, CancellationToken.None);

            created.Installation.ShouldBe("novak-prod");
            created.ExpiresAt.ShouldBe(_storage.Time.GetUtcNow().AddDays(30));
            var info = await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None);
            info!.Scope.ShouldBe(KeyScope.Site);
            info.InstallationId.ShouldNotBeNull();
        }

        [Fact]
        public async Task Refuses_a_site_key_without_an_installation() =>
            (await Should.ThrowAsync<UserException>(() => _storage.Keys.CreateAsync(KeyScope.Site, null, null, CancellationToken.None)))
                .Message.ShouldContain("installation");

        [Fact]
        public async Task Refuses_a_site_key_for_an_unknown_installation() =>
            await Should.ThrowAsync<NotFoundException>(() => _storage.Keys.CreateAsync(KeyScope.Site, "nowhere", null, CancellationToken.None));

        [Fact]
        public async Task Refuses_an_installation_on_a_publish_key() =>
            await Should.ThrowAsync<UserException>(() => _storage.Keys.CreateAsync(KeyScope.Publish, "novak-prod", null, CancellationToken.None));

        [Fact]
        public async Task Refuses_a_lifetime_of_zero_days() =>
            await Should.ThrowAsync<UserException>(() => _storage.Keys.CreateAsync(KeyScope.Publish, null, 0, CancellationToken.None));
    }

    public sealed class AuthenticateAsync : IAsyncLifetime
    {
        private readonly TempStorage _storage = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _storage.DisposeAsync();

        [Fact]
        public async Task Recognises_the_key_it_made()
        {
            var created = await _storage.Keys.CreateAsync(KeyScope.Manager, null, null, CancellationToken.None);

            (await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None))!.Scope.ShouldBe(KeyScope.Manager);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("al_short")]
        [InlineData("not-a-key-at-all-but-forty-six-characters-lon")]
        public async Task Refuses_what_is_not_a_key(string? presented)
        {
            await _storage.Keys.CreateAsync(KeyScope.Manager, null, null, CancellationToken.None);

            (await _storage.Keys.AuthenticateAsync(presented, CancellationToken.None)).ShouldBeNull();
        }

        [Fact]
        public async Task Refuses_a_key_that_differs_in_its_last_character()
        {
            var created = await _storage.Keys.CreateAsync(KeyScope.Manager, null, null, CancellationToken.None);
            var forged = created.Key[..^1] + (created.Key[^1] == 'A' ? 'B' : 'A');

            (await _storage.Keys.AuthenticateAsync(forged, CancellationToken.None)).ShouldBeNull();
        }

        [Fact]
        public async Task Refuses_a_key_once_it_has_expired()
        {
            var created = await _storage.Keys.CreateAsync(KeyScope.Publish, null, 1, CancellationToken.None);
            (await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None)).ShouldNotBeNull();

            _storage.Time.Advance(TimeSpan.FromDays(1));

            (await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None)).ShouldBeNull();
        }

        [Fact]
        public async Task Refuses_a_revoked_key()
        {
            var created = await _storage.Keys.CreateAsync(KeyScope.Publish, null, null, CancellationToken.None);
            var info = await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None);

            (await _storage.Get<IApiKeyStore>().RevokeAsync(info!.Id, _storage.Time.GetUtcNow(), CancellationToken.None)).ShouldBeTrue();

            (await _storage.Keys.AuthenticateAsync(created.Key, CancellationToken.None)).ShouldBeNull();
        }
    }

    public sealed class CreateKeyAsync_on_a_data_folder : IAsyncLifetime
    {
        private readonly string _data = Directory.CreateTempSubdirectory("applayer-keys-").FullName;

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync()
        {
            Directory.Delete(_data, recursive: true);
            return Task.CompletedTask;
        }

        [Fact]
        public async Task Creates_the_database_and_a_key_the_host_then_accepts()
        {
            var created = await AppLayerHost.CreateKeyAsync(_data, KeyScope.Manager, null, null);

            await using var factory = new HostFactory(("AppLayer:DataDirectory", _data));
            using var client = factory.Client(created.Key);
            using var response = await client.GetAsync(new Uri("/api/customers", UriKind.Relative));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        [Fact]
        public async Task Refuses_a_site_key_for_an_installation_that_does_not_exist() =>
            (await Should.ThrowAsync<NotFoundException>(() => AppLayerHost.CreateKeyAsync(_data, KeyScope.Site, "ghost", null)))
                .Message.ShouldContain("ghost");
    }
}
