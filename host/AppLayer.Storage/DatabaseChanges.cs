using System.IO.MemoryMappedFiles;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AppLayer.Storage;

/// <summary>
/// Tells whether anything was committed to the database since a given moment, by any connection of
/// any process (the host, an <c>applayer</c> verb on the same data folder, a manual edit). Caches of rows
/// that must never be served stale (API keys, a key's installation) keep the stamp they were read under
/// and drop an entry as soon as the stamp moved.
/// <para>
/// The database is in WAL mode, where a commit becomes visible to readers at the moment its writer
/// rewrites the wal-index header in the <c>-shm</c> file (sqlite.org/walformat.html, "The WAL-Index
/// Header"; its <c>iChange</c> counter rises with each transaction). That file is shared memory for every
/// process that has the database open, so a stamp is a read of that header from a read-only mapping of
/// the file: no lock, no system call. The stamp moves whenever the header differs from the one seen last,
/// which is exactly when SQLite's own <c>PRAGMA data_version</c> moves (it compares the same header), once
/// per change whichever thread sees it first. A header caught half-written (its two copies differ) is read
/// again after SQLite checked it; a database that is not in WAL mode, or whose <c>-shm</c> file cannot be
/// mapped, is stamped with <c>PRAGMA data_version</c> on a connection of its own that never writes.
/// </para>
/// </summary>
public sealed class DatabaseChanges : IDisposable
{
    /// <summary>The wal-index header: 48 bytes, kept twice in a row so a reader can tell a torn read.</summary>
    private const int HeaderBytes = 48;

    /// <summary>Offset of <c>isInit</c> in the header (0 until a connection has built the wal-index).</summary>
    private const int IsInitOffset = 12;

    private readonly SqliteDatabase _database;
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _statement;
    private MemoryMappedFile? _index;
    private volatile MemoryMappedViewAccessor? _header;
    private volatile Seen? _seen;
    private volatile bool _opened;
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
        if (!_opened)
        {
            await _database.MigrateAsync(cancellationToken);
        }

        if (_header is { } header && _seen is { } seen)
        {
            Span<byte> current = stackalloc byte[HeaderBytes];
            if (TryRead(header, current) && current.SequenceEqual(seen.Header))
            {
                return seen.Stamp;
            }
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_opened)
            {
                Open();
            }

            return _header is null ? DataVersion() : StampOfHeader(_header);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _header?.Dispose();
            _header = null;
            _index?.Dispose();
            _index = null;
            _statement?.Dispose();
            _statement = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>Under the gate: the header as it is now, with a stamp one higher than the last when it changed.</summary>
    private long StampOfHeader(MemoryMappedViewAccessor header)
    {
        var current = new byte[HeaderBytes];
        for (var attempt = 0; !TryRead(header, current); attempt++)
        {
            if (attempt == 100)
            {
                throw new SqliteException("The wal-index header stayed torn; no writer finished or recovered it.", raw.SQLITE_BUSY);
            }

            // A writer is between the two copies, or died there: SQLite's own read checks the header
            // (and rebuilds it from the WAL when its writer is gone); then read it again.
            raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (attempt > 0)
            {
                Thread.Sleep(1);
            }
        }

        var seen = _seen;
        if (seen is not null && current.AsSpan().SequenceEqual(seen.Header))
        {
            return seen.Stamp;
        }

        var next = new Seen(current, (seen?.Stamp ?? 0) + 1);
        _seen = next;
        return next.Stamp;
    }

    /// <returns><c>false</c> when the two copies differ (a writer was rewriting them) or the index is not built.</returns>
    private static bool TryRead(MemoryMappedViewAccessor header, Span<byte> current)
    {
        Span<byte> second = stackalloc byte[HeaderBytes];
        var handle = header.SafeMemoryMappedViewHandle;
        var start = (ulong)header.PointerOffset;

        // The order SQLite's readers use: the first copy, a barrier, the second (its writer writes them the other way round).
        handle.ReadSpan(start, current);
        Interlocked.MemoryBarrier();
        handle.ReadSpan(start + HeaderBytes, second);
        return current[IsInitOffset] != 0 && current.SequenceEqual(second);
    }

    private long DataVersion()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
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

    private void Open()
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

        _statement = statement;

        // The first read opens the WAL and builds the wal-index; this connection then keeps it open, so no
        // other process can start the -shm file afresh under the mapping.
        DataVersion();
        _header = MapHeader();
        if (_header is not null)
        {
            StampOfHeader(_header);
        }

        _opened = true;
    }

    /// <returns>A read-only view of the wal-index header, or <c>null</c> when the database is not in WAL mode.</returns>
    private MemoryMappedViewAccessor? MapHeader()
    {
        using (var mode = _connection!.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode;";
            if (!string.Equals(mode.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        var path = raw.sqlite3_db_filename(_connection.Handle, "main").utf8_to_string() + "-shm";
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _index = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            return _index.CreateViewAccessor(0, 2 * HeaderBytes, MemoryMappedFileAccess.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (_index is null)
            {
                file?.Dispose();
            }

            _index?.Dispose();
            _index = null;
            return null;
        }
    }

    /// <summary>The header last seen and the stamp it was given.</summary>
    private sealed record Seen(byte[] Header, long Stamp);
}
