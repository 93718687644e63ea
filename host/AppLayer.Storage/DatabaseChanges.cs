using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AppLayer.Storage;

/// <summary>
/// Tells whether anything was committed to the database since a given moment, by any connection of
/// any process (the host, an <c>applayer</c> verb on the same data folder, a manual edit): SQLite's
/// <c>PRAGMA data_version</c> on a connection of its own that never writes. Caches of rows that must
/// never be served stale (API keys, a key's installation) keep the stamp they were read under and
/// drop an entry as soon as the stamp moved. One check is a single step of a prepared statement.
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _statement;
    private bool _disposed;

    public DatabaseChanges(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>
    /// The current stamp: equal stamps mean nothing was committed in between. Take it before reading
    /// the rows to cache, so that a commit racing with the read makes the entry stale at once.
    /// </summary>
    public async ValueTask<long> StampAsync(CancellationToken cancellationToken)
    {
        if (_statement is null)
        {
            await _database.MigrateAsync(cancellationToken);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _statement ??= Prepare();
            try
            {
                var rc = raw.sqlite3_step(_statement);
                if (rc != raw.SQLITE_ROW)
                {
                    throw new SqliteException($"PRAGMA data_version failed: {raw.sqlite3_errstr(rc).utf8_to_string()}", rc);
                }

                return raw.sqlite3_column_int64(_statement, 0);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _statement?.Dispose();
            _statement = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    private sqlite3_stmt Prepare()
    {
        var connectionString = new SqliteConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        var rc = raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version;", out var statement);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_connection.Handle).utf8_to_string();
            statement.Dispose();
            throw new SqliteException($"PRAGMA data_version could not be prepared: {message}", rc);
        }

        return statement;
    }
}
