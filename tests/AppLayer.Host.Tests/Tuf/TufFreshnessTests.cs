using System.Net;
using AppLayer.Protocol;
using AppLayer.Feed.Tuf;
using AppLayer.Host;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Tuf;
using AppLayer.Site;

namespace AppLayer.Host.Tests.Tuf;

/// <summary>
/// A host nobody pushes to keeps its signed metadata fresh by itself: targets, the delegated role,
/// snapshot and timestamp are signed again (new versions, one consistent chain) before they expire,
/// so the site agent and an independent TUF client (tuf-js) still verify the feed days later.
/// </summary>
public sealed class TufFreshnessTests
{
    public sealed class AHostNobodyPushesTo : IAsyncLifetime
    {
        private QuietFeed _feed = null!;

        public async Task InitializeAsync() => _feed = await QuietFeed.StartAsync();

        public async Task DisposeAsync() => await _feed.DisposeAsync();

        [Theory]
        [InlineData(8)]
        [InlineData(40)]
        [InlineData(100)]
        public async Task Stays_verifiable_by_the_site_agent_and_by_tuf_js_days_later(int days)
        {
            var before = _feed.OnDisk("snapshot.json", TufRoles.Snapshot).Version;
            _feed.Time.Advance(TimeSpan.FromDays(days));

            var pulled = await new SiteAgent(_feed.Site, _feed.SiteOptions()).PullAsync();
            var tufJs = await TufJs.VerifyAsync(_feed.Host.BaseAddress, _feed.RootFile, _feed.SiteKey, _feed.Time.GetUtcNow(), QuietFeed.Target);

            pulled.Listed.ShouldBe(2);
            tufJs["downloaded"]!.GetValue<int>().ShouldBe(1);
            tufJs["snapshot"]!.GetValue<long>().ShouldBeGreaterThan(before);
            var now = _feed.Time.GetUtcNow();
            var status = await FeedSigning.StatusAsync(_feed.Data);
            status.Select(r => r.File).ShouldBe(["root.json", "targets.json", "customer-novak.json", "snapshot.json", "timestamp.json"]);
            status.ShouldAllBe(r => r.Expires > now);
            status.Where(r => r.RefreshAt is not null).ShouldAllBe(r => r.RefreshAt > now);
            var snapshot = _feed.OnDisk("snapshot.json", TufRoles.Snapshot);
            snapshot.Signed["meta"]!["targets.json"]!["version"]!.GetValue<long>().ShouldBe(_feed.OnDisk("targets.json", TufRoles.Targets).Version);
            snapshot.Signed["meta"]!["customer-novak.json"]!["version"]!.GetValue<long>().ShouldBe(_feed.OnDisk("customer-novak.json", TufRoles.Targets).Version);
            _feed.OnDisk("timestamp.json", TufRoles.Timestamp).Signed["meta"]!["snapshot.json"]!["version"]!.GetValue<long>().ShouldBe(snapshot.Version);
        }

        [Fact]
        public async Task Signs_its_roles_again_in_the_background_without_a_single_request()
        {
            var start = _feed.Time.GetUtcNow();

            _feed.Time.Advance(TimeSpan.FromDays(8));

            // No request reaches the host: only its background service can sign the snapshot again.
            var snapshot = await EventuallyAsync(() => _feed.OnDisk("snapshot.json", TufRoles.Snapshot), s => s.Expires > _feed.Time.GetUtcNow());
            snapshot.Expires.ShouldBe(_feed.Time.GetUtcNow() + TimeSpan.FromDays(7));
            (await EventuallyAsync(() => _feed.OnDisk("timestamp.json", TufRoles.Timestamp), t => t.Expires > _feed.Time.GetUtcNow())).Signed["meta"]!["snapshot.json"]!["version"]!.GetValue<long>().ShouldBe(snapshot.Version);
            _feed.OnDisk("targets.json", TufRoles.Targets).Expires.ShouldBe(start + TimeSpan.FromDays(90));
        }

        [Fact]
        public async Task Answers_the_same_bytes_and_etag_for_a_fresh_timestamp_and_a_304_to_if_none_match_on_every_metadata_file()
        {
            using var site = _feed.Client(_feed.SiteKey);
            using var first = await site.GetAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));
            using var second = await site.GetAsync(new Uri("/tuf/timestamp.json", UriKind.Relative));

            (await second.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
            second.Headers.ETag.ShouldBe(first.Headers.ETag);
            foreach (var name in new[] { "timestamp.json", "snapshot.json", "targets.json", "customer-novak.json", "root.json" })
            {
                using var plain = await site.GetAsync(new Uri("/tuf/" + name, UriKind.Relative));
                using var again = new HttpRequestMessage(HttpMethod.Get, "/tuf/" + name);
                again.Headers.TryAddWithoutValidation("If-None-Match", plain.Headers.ETag!.ToString());
                using var unchanged = await site.SendAsync(again);
                unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified, name);
            }
        }

        private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done)
        {
            for (var i = 0; i < 300; i++)
            {
                var value = read();
                if (done(value))
                {
                    return value;
                }

                await Task.Delay(50);
            }

            return read();
        }
    }

    public sealed class Lifetimes : IAsyncDisposable
    {
        private readonly HostFactory _host = new(("AppLayer:Tuf:SnapshotLifetime", "2.00:00:00"), ("AppLayer:Tuf:TimestampLifetime", "06:00:00"), ("AppLayer:Tuf:CheckInterval", "00:30:00"));

        public async ValueTask DisposeAsync() => await _host.DisposeAsync();

        [Fact]
        public async Task Come_from_AppLayer_Tuf_and_a_role_is_signed_again_once_half_its_lifetime_is_gone()
        {
            using var publisher = await _host.PublisherAsync();
            (await publisher.PushAsync(TestPackages.Update("Cz.Vat2024", "1.0.0", "accounting"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            var pushed = TufDocument.Parse(await publisher.GetByteArrayAsync(new Uri("/tuf/snapshot.json", UriKind.Relative)), TufRoles.Snapshot);
            pushed.Expires.ShouldBe(_host.Time.GetUtcNow() + TimeSpan.FromDays(2));

            _host.Time.Advance(TimeSpan.FromHours(23));
            (await publisher.GetByteArrayAsync(new Uri("/tuf/snapshot.json", UriKind.Relative))).ShouldNotBeEmpty();
            TufDocument.Parse(await publisher.GetByteArrayAsync(new Uri("/tuf/snapshot.json", UriKind.Relative)), TufRoles.Snapshot).Version.ShouldBe(pushed.Version);

            _host.Time.Advance(TimeSpan.FromHours(2));
            var timestamp = TufDocument.Parse(await publisher.GetByteArrayAsync(new Uri("/tuf/timestamp.json", UriKind.Relative)), TufRoles.Timestamp);
            var snapshot = TufDocument.Parse(await publisher.GetByteArrayAsync(new Uri("/tuf/snapshot.json", UriKind.Relative)), TufRoles.Snapshot);

            snapshot.Version.ShouldBe(pushed.Version + 1);
            snapshot.Expires.ShouldBe(_host.Time.GetUtcNow() + TimeSpan.FromDays(2));
            timestamp.Expires.ShouldBe(_host.Time.GetUtcNow() + TimeSpan.FromHours(6));
            timestamp.Signed["meta"]!["snapshot.json"]!["version"]!.GetValue<long>().ShouldBe(snapshot.Version);
        }
    }

    public sealed class Validation
    {
        [Fact]
        public async Task Refuses_to_start_a_host_whose_timestamp_outlives_its_snapshot_in_one_line()
        {
            var data = Directory.CreateTempSubdirectory("applayer-tuf-settings-").FullName;
            var options = new AppLayerHostOptions { DataDirectory = data, Urls = "http://127.0.0.1:0" };
            options.Settings["AppLayer:Tuf:TimestampLifetime"] = "8.00:00:00";

            var error = await Should.ThrowAsync<UserException>(() => AppLayerHost.StartAsync(options));

            error.Message.ShouldContain("TimestampLifetime <= SnapshotLifetime");
            error.Message.ShouldNotContain(Environment.NewLine);
            Directory.Delete(data, recursive: true);
        }
    }
}
