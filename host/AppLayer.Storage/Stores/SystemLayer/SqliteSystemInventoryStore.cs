using System.Text.Json;
using AppLayer.Core;
using AppLayer.Core.SystemLayer;
using AppLayer.Protocol;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.SystemLayer;

internal sealed class SqliteSystemInventoryStore(SqliteDatabase database) : ISystemInventoryStore
{
    private const string Selected = "installation_id, report_id, reported_at, items";

    public async Task<bool> SaveAsync(StoredInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var seen = await connection.ScalarAsync<long?>(
            "SELECT installation_id FROM inventory_reports WHERE report_id = $report;", [("$report", inventory.ReportId)], cancellationToken, transaction);
        if (seen is { } owner)
        {
            return owner == inventory.InstallationId ? false : throw new ConflictException($"Report '{inventory.ReportId}' was sent by another installation.");
        }

        await connection.ExecuteAsync(
            "INSERT INTO inventory_reports (report_id, installation_id, reported_at) VALUES ($report, $installation, $at);",
            [("$report", inventory.ReportId), ("$installation", inventory.InstallationId), ("$at", Columns.Instant(inventory.ReportedAt))],
            cancellationToken,
            transaction);

        // A report that arrives late (sent again after a newer one) does not replace the newer inventory.
        await connection.ExecuteAsync(
            """
            INSERT INTO installation_inventories (installation_id, report_id, reported_at, items) VALUES ($installation, $report, $at, $items)
            ON CONFLICT (installation_id) DO UPDATE SET report_id = excluded.report_id, reported_at = excluded.reported_at, items = excluded.items
            WHERE excluded.reported_at >= installation_inventories.reported_at;
            """,
            [
                ("$installation", inventory.InstallationId),
                ("$report", inventory.ReportId),
                ("$at", Columns.Instant(inventory.ReportedAt)),
                ("$items", JsonSerializer.Serialize(inventory.Items, JsonSerializerOptions.Web)),
            ],
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<StoredInventory?> FindAsync(long installationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM installation_inventories WHERE installation_id = $installation;", [("$installation", installationId)], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredInventory>> ListByCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT v.installation_id, v.report_id, v.reported_at, v.items FROM installation_inventories v JOIN installations i ON i.id = v.installation_id WHERE i.customer_id = $customer ORDER BY v.installation_id;",
            [("$customer", customerId)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<StoredInventory>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {Selected} FROM installation_inventories ORDER BY installation_id;", [], Read, cancellationToken);
    }

    private static StoredInventory Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        Columns.ReadInstant(r.GetString(2)),
        JsonSerializer.Deserialize<InventoryItem[]>(r.GetString(3), JsonSerializerOptions.Web) ?? []);
}
