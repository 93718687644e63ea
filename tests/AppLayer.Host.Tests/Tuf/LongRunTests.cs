using AppLayer.DemoIs;
using AppLayer.Protocol.Tuf;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Site;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppLayer.Host.Tests.Tuf;

/// <summary>
/// Four months of a quiet feed, day by day: one push on day 0 and nothing after. The host keeps its
/// own metadata fresh, and <c>feed export --watch</c> (as docs/signed-feed.md says to run it) keeps a
/// customer's static copy fresh; every day a site pulling from the host and a site pulling from the
/// copy (served by nginx) verify the whole chain, and tuf-js verifies the copy every tenth day.
/// </summary>
public sealed class LongRunTests : IAsyncLifetime
{
    private const int Days = 120;

    private QuietFeed _feed = null!;

    public async Task InitializeAsync() => _feed = await QuietFeed.StartAsync();

    public async Task DisposeAsync() => await _feed.DisposeAsync();

    [Fact]
    public async Task A_host_and_its_watched_static_copy_stay_verifiable_every_day_for_120_days_after_one_push()
    {
        var copy = Path.Combine(_feed.Folder, "static");
        var port = Nginx.FreePort();
        var request = new FeedExportRequest(_feed.Data, copy, $"http://127.0.0.1:{port}/", Customer: "novak", Time: _feed.Time);
        var rounds = new SemaphoreSlim(0);
        FeedExportResult? last = null;
        using var stop = new CancellationTokenSource();
        var watch = FeedExport.WatchAsync(request, TimeSpan.FromHours(1), NullLogger.Instance, stop.Token, result =>
        {
            last = result;
            rounds.Release();
        });
        (await rounds.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue("the watch exported nothing");
        await using var nginx = await Nginx.StartAsync(copy, port);

        var mirrored = Path.Combine(_feed.Folder, "mirrored.db");
        await DemoIsDatabase.CreateAsync(mirrored);
        await new SiteAgent(mirrored, _feed.SiteOptions()).EnrollAsync(_feed.Host.BaseAddress.AbsoluteUri, _feed.SiteKey, null, nginx.Url);
        var start = _feed.Time.GetUtcNow();
        long lastSnapshot = 0;

        for (var day = 1; day <= Days; day++)
        {
            _feed.Time.Advance(TimeSpan.FromDays(1));
            (await rounds.WaitAsync(TimeSpan.FromMinutes(1))).ShouldBeTrue($"day {day}: the watch did not export again");
            while (rounds.CurrentCount > 0)
            {
                await rounds.WaitAsync();
            }

            var now = _feed.Time.GetUtcNow();
            last!.ValidUntil.ShouldBeGreaterThan(now, $"day {day}");

            var fromHost = await new SiteAgent(_feed.Site, _feed.SiteOptions()).PullAsync();
            fromHost.Listed.ShouldBe(2, $"day {day}, host");
            fromHost.Skipped.ShouldBeEmpty($"day {day}, host");

            var fromCopy = await new SiteAgent(mirrored, _feed.SiteOptions()).PullAsync();
            fromCopy.Listed.ShouldBe(2, $"day {day}, static copy");
            fromCopy.Skipped.ShouldBeEmpty($"day {day}, static copy");
            (fromCopy.Downloaded + fromCopy.AlreadyCached).ShouldBe(2, $"day {day}, static copy");

            var snapshot = TufDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(copy, "tuf", "snapshot.json")), TufRoles.Snapshot);
            snapshot.Expires.ShouldBeGreaterThan(now, $"day {day}");
            snapshot.Version.ShouldBeGreaterThanOrEqualTo(lastSnapshot, $"day {day}");
            lastSnapshot = snapshot.Version;

            if (day % 10 == 0)
            {
                var tufJs = await TufJs.VerifyAsync(new Uri(nginx.Url), _feed.RootFile, null, now, QuietFeed.Target);
                tufJs["downloaded"]!.GetValue<int>().ShouldBe(1, $"day {day}, tuf-js on the static copy");
            }
        }

        // Targets live 90 days: by day 120 they were signed again, without a push.
        var targets = TufDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(copy, "tuf", "targets.json")), TufRoles.Targets);
        targets.Version.ShouldBeGreaterThan(1);
        targets.Expires.ShouldBeGreaterThan(start + TimeSpan.FromDays(Days));

        await stop.CancelAsync();
        await watch;
    }
}
