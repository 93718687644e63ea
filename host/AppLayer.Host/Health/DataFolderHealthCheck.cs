using AppLayer.Feed;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppLayer.Host.Health;

/// <summary>Readiness: a file can be created and written in the data folder (where pushes, metadata and the database go); it is deleted on close.</summary>
internal sealed class DataFolderHealthCheck(IOptions<FeedOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.DataDirectory);
        try
        {
            var probe = Path.Combine(folder, $".ready-{Guid.NewGuid():N}");
            await using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
            await stream.FlushAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthChecks.Failed("the data folder is not writable", $"{folder}: {ex.Message}");
        }
    }
}
