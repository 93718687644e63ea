using AppLayer.Core.History;
using AppLayer.Core.Releases;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteUpdateHoldStore(SqliteDatabase database) : IUpdateHoldStore
{
    public async Task<IReadOnlyList<UpdateHold>> ListAsync(long? installationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            """
            SELECT d.installation_id, i.code, i.customer_id, d.package_id, d.package_version, d.report_id, d.at, d.message,
                   r.released_at, r.released_by, r.reason
            FROM deployments d
            JOIN installations i ON i.id = d.installation_id
            LEFT JOIN hold_releases r ON r.rollback_report_id = d.report_id
            WHERE d.status = 'rolled-back' AND ($installation IS NULL OR d.installation_id = $installation)
              AND NOT EXISTS (
                SELECT 1 FROM deployments later
                WHERE later.installation_id = d.installation_id AND later.package_id = d.package_id COLLATE NOCASE
                  AND later.package_version = d.package_version COLLATE NOCASE AND later.status IN ('applied', 'rolled-back')
                  AND (later.at > d.at OR (later.at = d.at AND later.id > d.id)))
            ORDER BY d.at, d.id;
            """,
            [("$installation", installationId)],
            Read,
            cancellationToken);
    }

    public async Task<bool> ReleaseAsync(UpdateHold hold, HistoryEvent historyEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var added = await connection.ExecuteAsync(
            """
            INSERT INTO hold_releases (rollback_report_id, installation_id, package_id, version, released_at, released_by, reason)
            VALUES ($report, $installation, $id, $version, $at, $by, $reason) ON CONFLICT DO NOTHING;
            """,
            [
                ("$report", hold.RollbackReportId),
                ("$installation", hold.InstallationId),
                ("$id", hold.PackageId),
                ("$version", hold.Version),
                ("$at", Columns.Instant(hold.ReleasedAt ?? throw new ArgumentException("The hold has no release time.", nameof(hold)))),
                ("$by", hold.ReleasedBy ?? string.Empty),
                ("$reason", hold.Reason ?? string.Empty),
            ],
            cancellationToken,
            transaction);
        if (added == 0)
        {
            return false;
        }

        await SqliteHistoryStore.InsertAsync(connection, transaction, historyEvent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static UpdateHold Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), Columns.ReadInstant(r.GetString(6)), r.GetString(7))
    {
        ReleasedAt = Columns.ReadOptionalInstant(r.GetNullableString(8)),
        ReleasedBy = r.GetNullableString(9),
        Reason = r.GetNullableString(10),
    };
}
