using AppLayer.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace AppLayer.Storage;

/// <summary>
/// The embedded database: opens connections (WAL, busy timeout, foreign keys) and brings the
/// schema up to date before the first one is handed out. Busy timeout and foreign keys are set on
/// every open through SQLite's C API (<c>sqlite3_busy_timeout</c>, <c>SQLITE_DBCONFIG_ENABLE_FKEY</c>):
/// the same settings as the two <c>PRAGMA</c>s, without preparing and running a statement per open.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly string _pooled;
    private volatile bool _migrated;
    private long _connectionsOpened;

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
        _pooled = new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = null }.ToString();
    }

    public string ConnectionString { get; }

    public string DatabasePath => _options.DatabasePath;

    /// <summary>
    /// How many connections were handed out so far. Every store call opens one, so the difference across a
    /// request is its number of store round trips: it shows whether a page's queries grow with the data.
    /// </summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

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
        foreach (var connectionString in new[] { ConnectionString, _pooled })
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        _migrationGate.Dispose();
    }

    private async Task<SqliteConnection> OpenUncheckedAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
        var connection = new SqliteConnection(_pooled);
        try
        {
            await connection.OpenAsync(cancellationToken);
            Check(connection, raw.sqlite3_busy_timeout(connection.Handle, (int)_options.BusyTimeout.TotalMilliseconds));
            Check(connection, raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_FKEY, 1, out _));
            Interlocked.Increment(ref _connectionsOpened);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"Setting up the connection failed: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", rc);
        }
    }
}
