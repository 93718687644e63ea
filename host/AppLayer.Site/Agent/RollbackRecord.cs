using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Agent;

/// <summary>
/// Records a rollback inside the transaction that made it: the update leaves <c>applayer_history</c>
/// (so it can be applied again) and a row in <c>applayer_rollbacks</c> says when, how and why.
/// </summary>
internal static class RollbackRecord
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS applayer_rollbacks (
            id             INTEGER PRIMARY KEY,
            package_id     TEXT NOT NULL COLLATE NOCASE,
            version        TEXT NOT NULL COLLATE NOCASE,
            method         TEXT NOT NULL,
            message        TEXT NOT NULL,
            rolled_back_at TEXT NOT NULL,
            report_id      TEXT NOT NULL UNIQUE
        );
        """;

    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, RollbackEntry entry, CancellationToken cancellationToken)
    {
        await SiteSql.ExecuteAsync(connection, transaction, "DELETE FROM applayer_history WHERE package_id = $id AND version = $version", cancellationToken, ("$id", entry.PackageId), ("$version", entry.Version));
        await SiteSql.InsertAsync(connection, transaction, Schema, "applayer_rollbacks", cancellationToken,
            ("package_id", entry.PackageId), ("version", entry.Version), ("method", entry.Method),
            ("message", entry.Message), ("rolled_back_at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("report_id", entry.ReportId));
    }
}
