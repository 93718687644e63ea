using AppLayer.Feed.Tuf;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppLayer.Host;

/// <summary>
/// Keeps the feed's online roles fresh when nobody pushes or polls: every
/// <see cref="TufOptions.CheckInterval"/> on the host's clock it signs again whatever has less than
/// <see cref="TufOptions.RefreshFraction"/> of its lifetime left (<see cref="TufRepository.RefreshAsync"/>)
/// and logs each file it signs.
/// </summary>
internal sealed class TufRefreshService(TufRepository tuf, IOptions<TufOptions> options, TimeProvider time, ILogger<TufRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckInterval;
        TufRefreshLog.Started(logger, interval, options.Value.RefreshFraction);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var signed = await tuf.RefreshAsync(stoppingToken);
                foreach (var file in signed)
                {
                    TufRefreshLog.Signed(logger, file.File, file.Version, file.Expires, "background");
                }

                TufRefreshLog.Checked(logger, signed.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TufRefreshLog.Failed(logger, ex, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
