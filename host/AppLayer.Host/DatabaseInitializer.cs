using AppLayer.Storage;
using Microsoft.Extensions.Hosting;

namespace AppLayer.Host;

/// <summary>Brings the schema up to date when the host starts, so a bad data folder fails the start, not a request.</summary>
internal sealed class DatabaseInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
