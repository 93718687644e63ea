using AppLayer.Feed.Tuf;
using Microsoft.Extensions.Hosting;

namespace AppLayer.Host;

/// <summary>
/// Keeps the feed's online roles fresh when nobody pushes or polls: every
/// <see cref="TufOptions.CheckInterval"/> on the host's clock it signs again whatever has less than
/// <see cref="TufOptions.RefreshFraction"/> of its lifetime left (<see cref="TufRepository.RefreshAsync"/>)
/// (the repository logs each file it signs, <see cref="TufLog.Signed"/>) and logs each check's count.
/// </summary>
internal sealed class TufRefreshService(TufRepository tuf, IOptions<TufOptions> options, TimeProvider time, ILogger<TufRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckInterval;
        TufLog.RefreshStarted(logger, interval, options.Value.RefreshFraction);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var signed = await tuf.RefreshAsync(stoppingToken);
                TufLog.RefreshChecked(logger, signed.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TufLog.RefreshFailed(logger, ex, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
