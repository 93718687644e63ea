using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AppLayer.Storage;

/// <summary>
/// Tells whether anything was committed to the database since a given moment, by any connection of
/// any process (the host, an <c>applayer</c> verb on the same data folder, a manual edit): SQLite's
/// <c>PRAGMA data_version</c> on connections of its own that never write. Caches of rows that must
/// never be served stale (API keys, a key's installation) keep the stamp they were read under and
/// drop an entry as soon as the stamp moved. One check is a single step of a prepared statement on
/// one of a few probe connections, claimed without a lock, so requests on different threads never
/// wait for each other (the stamp is read on every authenticated request). SQLite's counter is per
/// connection, so the stamp is this object's own: it moves whenever any probe sees its counter move
/// (or is stepped for the first time), so every stamp taken after a commit differs from every stamp
/// taken before it.
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly Probe[] _probes;
    private long _stamp;
    private volatile bool _migrated;
    private volatile bool _disposed;

    public DatabaseChanges(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _probes = new Probe[Math.Clamp(Environment.ProcessorCount * 2, 2, 16)];
        for (var i = 0; i < _probes.Length; i++)
        {
            _probes[i] = new Probe();
        }
    }

    /// <summary>
    /// The current stamp: equal stamps mean nothing was committed in between. Take it before reading
    /// the rows to cache, so that a commit racing with the read makes the entry stale at once.
    /// </summary>
    public async ValueTask<long> StampAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await _database.MigrateAsync(cancellationToken);
            _migrated = true;
        }

        // Start at a slot of this thread's own, then try the others; all busy (more threads at once
        // than probes) is rare, and then the caller spins to the next free one.
        var start = Environment.CurrentManagedThreadId;
        for (var attempt = 0; ; attempt++)
        {
            var probe = _probes[(int)((uint)(start + attempt) % (uint)_probes.Length)];
            if (probe.TryClaim())
            {
                try
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    if (probe.Changed(_database))
                    {
                        return Interlocked.Increment(ref _stamp);
                    }

                    return Interlocked.Read(ref _stamp);
                }
                finally
                {
                    probe.Release();
                }
            }

            if (attempt % _probes.Length == _probes.Length - 1)
            {
                Thread.Yield();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var probe in _probes)
        {
            SpinWait.SpinUntil(probe.TryClaim);
            probe.Close();
        }
    }

    private sealed class Probe
    {
        private int _busy;
        private SqliteConnection? _connection;
        private sqlite3_stmt? _statement;
        private long? _seen;

        public bool TryClaim() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        public void Release() => Volatile.Write(ref _busy, 0);

        /// <returns><c>true</c> when the connection's counter moved since this probe last looked, or it never looked.</returns>
        public bool Changed(SqliteDatabase database)
        {
            var now = Step(database);
            var changed = _seen != now;
            _seen = now;
            return changed;
        }

        private long Step(SqliteDatabase database)
        {
            _statement ??= Prepare(database);
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

        public void Close()
        {
            _statement?.Dispose();
            _statement = null;
            _connection?.Dispose();
            _connection = null;
            _seen = null;
        }

        private sqlite3_stmt Prepare(SqliteDatabase database)
        {
            var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString();
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
}
