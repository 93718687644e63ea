using System.Globalization;
using AppLayer.Site.Scheduling;
using Microsoft.Data.Sqlite;

namespace AppLayer.Site.Agent;

/// <summary><c>applayer_settings</c>: the agent's own settings kept in the IS database (the maintenance window, the snapshot retention).</summary>
internal static class SiteSettings
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS applayer_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

    public static async Task<MaintenanceWindow?> ReadWindowAsync(SiteDatabase database, string timeZone, CancellationToken cancellationToken)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);
        var exists = Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'applayer_settings'", cancellationToken), CultureInfo.InvariantCulture) > 0;
        if (!exists || await SiteSql.ScalarAsync(connection, null, "SELECT value FROM applayer_settings WHERE key = 'window'", cancellationToken) is not string value)
        {
            return null;
        }

        var parts = value.Split('-');
        return MaintenanceWindow.Parse(parts[0], parts[1], timeZone);
    }

    /// <summary>Stores the window (start-end, local times); null clears it.</summary>
    public static async Task WriteWindowAsync(SiteDatabase database, MaintenanceWindow? window, CancellationToken cancellationToken)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, Schema, cancellationToken);
        if (window is null)
        {
            await SiteSql.ExecuteAsync(connection, transaction, "DELETE FROM applayer_settings WHERE key = 'window'", cancellationToken);
        }
        else
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"{window.Start:HH:mm}-{window.End:HH:mm}");
            await SiteSql.ExecuteAsync(connection, transaction, "INSERT INTO applayer_settings (key, value) VALUES ('window', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", cancellationToken, ("$v", value));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The snapshot retention set with <c>site snapshots</c>, or <see cref="SnapshotRetention.Default"/>.</summary>
    public static async Task<SnapshotRetention> ReadRetentionAsync(SiteDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);
        var exists = Convert.ToInt64(await SiteSql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'applayer_settings'", cancellationToken), CultureInfo.InvariantCulture) > 0;
        if (!exists || await SiteSql.ScalarAsync(connection, null, "SELECT value FROM applayer_settings WHERE key = 'snapshot_retention'", cancellationToken) is not string value)
        {
            return SnapshotRetention.Default;
        }

        var parts = value.Split(':');
        return new SnapshotRetention(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Stores the snapshot retention (keep:days).</summary>
    public static async Task WriteRetentionAsync(SiteDatabase database, SnapshotRetention retention, CancellationToken cancellationToken)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SiteSql.ExecuteAsync(connection, transaction, Schema, cancellationToken);
        var value = string.Create(CultureInfo.InvariantCulture, $"{retention.Keep}:{retention.Days}");
        await SiteSql.ExecuteAsync(connection, transaction, "INSERT INTO applayer_settings (key, value) VALUES ('snapshot_retention', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", cancellationToken, ("$v", value));
        await transaction.CommitAsync(cancellationToken);
    }
}
