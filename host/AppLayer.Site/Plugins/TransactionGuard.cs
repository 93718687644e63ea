using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AppLayer.Site.Plugins;

/// <summary>
/// Keeps an update inside the agent's transaction: while <see cref="PluginRunning"/> an SQLite authorizer on the
/// connection refuses every statement that would end, nest or step around that transaction (BEGIN, COMMIT, ROLLBACK,
/// SAVEPOINT, RELEASE, ATTACH, DETACH) and the PRAGMAs that change journal, safety or schema settings, and the
/// connection runs in SQLite's defensive mode (no writable_schema, no journal_mode=OFF, no writes to sqlite_dbpage).
/// Install it after the agent began its transaction; the agent's own statements run while
/// <see cref="PluginRunning"/> is false. The first refusal is kept in <see cref="Refused"/>, even when the update
/// caught the error and carried on.
/// </summary>
internal sealed class TransactionGuard : IDisposable
{
    /// <summary>How the one-line reason of an update stopped by the guard begins.</summary>
    public const string Reason = "the update tried to control the transaction: ";

    private static readonly HashSet<string> RefusedPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "journal_mode", "journal_size_limit", "synchronous", "locking_mode", "writable_schema", "schema_version",
        "wal_checkpoint", "wal_autocheckpoint", "mmap_size", "page_size", "auto_vacuum", "incremental_vacuum",
        "cell_size_check", "ignore_check_constraints", "foreign_keys", "defer_foreign_keys", "trusted_schema",
        "temp_store", "temp_store_directory", "data_store_directory", "cache_spill", "fullfsync",
        "checkpoint_fullfsync", "secure_delete", "query_only", "recursive_triggers", "legacy_alter_table",
        "max_page_count", "hard_heap_limit", "soft_heap_limit", "threads",
    };

    /// <summary>PRAGMAs that act even without a value; the others are refused only when they set one.</summary>
    private static readonly HashSet<string> ActsWhenRead = new(StringComparer.OrdinalIgnoreCase) { "wal_checkpoint", "incremental_vacuum" };

    private readonly sqlite3 _handle;

    private TransactionGuard(sqlite3 handle) => _handle = handle;

    /// <summary>True while the update's code runs; the authorizer refuses only then.</summary>
    public bool PluginRunning { get; set; }

    /// <summary>What the update tried and was refused first (e.g. <c>COMMIT</c>); null when nothing was.</summary>
    public string? Refused { get; private set; }

    /// <summary>
    /// The reason the update must fail, or null: a refused statement, or the agent's transaction no longer open
    /// (<c>sqlite3_get_autocommit</c> is non-zero).
    /// </summary>
    public string? Violation =>
        Refused is not null ? Reason + Refused + " was refused; an update runs inside the agent's one transaction and must not end, nest or step around it"
        : raw.sqlite3_get_autocommit(_handle) != 0 ? Reason + "the agent's transaction is no longer open; nothing of the update is kept"
        : null;

    /// <summary>Installs the guard on an open connection whose transaction the agent has begun.</summary>
    /// <exception cref="InvalidOperationException">The connection is closed or SQLite refuses the settings.</exception>
    public static TransactionGuard Install(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var guard = new TransactionGuard(handle);
        var rc = raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_DEFENSIVE, 1, out _);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused its defensive mode (error {rc})");
        }

        rc = raw.sqlite3_set_authorizer(handle, guard.Authorize, null);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused the authorizer (error {rc})");
        }

        return guard;
    }

    public void Dispose()
    {
        PluginRunning = false;
        if (!_handle.IsClosed)
        {
            raw.sqlite3_set_authorizer(_handle, (strdelegate_authorizer)null!, null);
        }
    }

    private int Authorize(object userData, int action, string param0, string param1, string database, string trigger)
    {
        if (!PluginRunning)
        {
            return raw.SQLITE_OK;
        }

        var refused = action switch
        {
            raw.SQLITE_TRANSACTION => param0?.ToUpperInvariant() ?? "a transaction statement",
            raw.SQLITE_SAVEPOINT => $"{(param0 ?? "SAVEPOINT").ToUpperInvariant() switch { "BEGIN" => "SAVEPOINT", var other => other + " (savepoint)" }} {param1}".TrimEnd(),
            raw.SQLITE_ATTACH => "ATTACH",
            raw.SQLITE_DETACH => "DETACH",
            raw.SQLITE_PRAGMA when param0 is not null && (param1 is not null || ActsWhenRead.Contains(param0)) && RefusedPragmas.Contains(param0) => $"PRAGMA {param0}",
            _ => null,
        };
        if (refused is null)
        {
            return raw.SQLITE_OK;
        }

        Refused ??= refused;
        return raw.SQLITE_DENY;
    }
}
