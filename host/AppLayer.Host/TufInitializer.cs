using AppLayer.Feed.Tuf;
using Microsoft.Extensions.Hosting;

namespace AppLayer.Host;

/// <summary>A feed without signing keys gets them when the host starts (all in the data folder; see <c>applayer keys init</c> to keep root offline).</summary>
internal sealed class TufInitializer(TufRepository tuf) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!tuf.IsInitialized)
        {
            await tuf.InitializeAsync(null, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
