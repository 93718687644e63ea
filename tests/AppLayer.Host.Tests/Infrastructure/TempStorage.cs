using AppLayer.Core.Keys;
using AppLayer.Host;
using AppLayer.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>The stores and Core services over a fresh temp data folder, without a web host.</summary>
public sealed class TempStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TempStorage()
    {
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddAppLayerData(DataDirectory)
            .BuildServiceProvider();
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("applayer-storage-tests-").FullName;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database => Get<SqliteDatabase>();

    public ApiKeyService Keys => Get<ApiKeyService>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A second, independent database object on the same file (as after a restart).</summary>
    public SqliteDatabase Reopen() =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = DataDirectory }), Time);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder later
        }
    }
}
