using AppLayer.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AppLayer.Storage;

/// <summary>
/// The embedded database: opens connections (WAL, busy timeout, foreign keys) and brings the
/// schema up to date before the first one is handed out.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string ConnectionString { get; }

    public string DatabasePath => _options.DatabasePath;

    /// <summary>Opens a connection to an up-to-date schema.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenUncheckedAsync(cancellationToken);
    }

    /// <summary>Applies the migrations the journal does not list yet; does nothing the second time.</summary>
    /// <returns>The versions applied by this call.</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return [];
        }

        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return [];
            }

            await using var connection = await OpenUncheckedAsync(cancellationToken);
            var applied = await new SchemaMigrator(connection, _time).MigrateAsync(Schema.Migrations, cancellationToken);
            _migrated = true;
            return applied;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _migrationGate.Dispose();
    }

    private async Task<SqliteConnection> OpenUncheckedAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var busyTimeout = (long)_options.BusyTimeout.TotalMilliseconds;
            await connection.ExecuteAsync($"PRAGMA busy_timeout = {busyTimeout};", [], cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
