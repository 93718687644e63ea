using AppLayer.Feed;
using AppLayer.Feed.Integrity;
using Microsoft.Extensions.Hosting;

namespace AppLayer.Host;

/// <summary>
/// Hashes every stored package against its row and the signed targets once at start and then every
/// <see cref="FeedOptions.ScrubInterval"/> on the host's clock, so a file changed on disk with its time
/// stamp put back is still found; what it finds is refused when served and shown on the dashboard.
/// </summary>
internal sealed class PackageScrubService(PackageIntegrity integrity, IOptions<FeedOptions> options, TimeProvider time, ILogger<PackageScrubService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ScrubInterval;
        PackageIntegrityLog.Started(logger, interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var report = await integrity.ScrubAsync(stoppingToken);
                foreach (var damaged in report.Damaged)
                {
                    PackageIntegrityLog.Damaged(logger, damaged.Id, damaged.Version, damaged.Reason);
                }

                PackageIntegrityLog.Finished(logger, report.Checked, report.Damaged.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PackageIntegrityLog.Failed(logger, ex, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
