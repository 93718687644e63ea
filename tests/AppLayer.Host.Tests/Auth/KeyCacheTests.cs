using System.Net;
using AppLayer.Core.Keys;
using AppLayer.Host.Tests.Infrastructure;

namespace AppLayer.Host.Tests.Auth;

/// <summary>
/// The host keeps recognised keys in memory while the database is unchanged; these prove that a change
/// made elsewhere (another process on the same data folder, as <c>applayer keys revoke --data</c> is)
/// is seen by the very next request.
/// </summary>
public sealed class KeyCacheTests : IAsyncLifetime
{
    private static readonly Uri Timestamp = new("/tuf/timestamp.json", UriKind.Relative);

    private readonly HostFactory _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_key_revoked_straight_in_the_database_by_another_process_is_refused_by_the_next_request()
    {
        var key = await _host.KeyAsync(KeyScope.Publish);
        using var client = _host.Client(key);
        using (var first = await client.GetAsync(Timestamp))
        using (var kept = await client.GetAsync(Timestamp))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            kept.StatusCode.ShouldBe(HttpStatusCode.OK); // served from the kept key
        }

        (await AppLayerHost.RevokeKeyAsync(_host.DataDirectory, key)).ShouldBeTrue();

        using var refused = await client.GetAsync(Timestamp);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).ShouldContain("revoked");
    }

    [Fact]
    public async Task A_key_created_by_another_process_is_accepted_and_an_unknown_one_stays_refused()
    {
        using var stranger = _host.Client("al_" + new string('y', 43));
        using (var before = await stranger.GetAsync(Timestamp))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var created = await AppLayerHost.CreateKeyAsync(_host.DataDirectory, KeyScope.Publish, null, null);
        using var client = _host.Client(created.Key);

        using var accepted = await client.GetAsync(Timestamp);
        using var still = await stranger.GetAsync(Timestamp);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        still.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
