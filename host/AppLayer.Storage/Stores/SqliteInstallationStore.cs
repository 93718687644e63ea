using AppLayer.Core.Installations;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteInstallationStore(SqliteDatabase database) : IInstallationStore
{
    private const string Selected = "id, customer_id, code, name, is_version, modules, time_zone, created_at";

    public async Task<Installation?> AddAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"""
            INSERT INTO installations (customer_id, code, name, is_version, modules, time_zone, created_at)
            VALUES ($customer, $code, $name, $isVersion, $modules, $timeZone, $at)
            ON CONFLICT DO NOTHING
            RETURNING {Selected};
            """,
            [
                ("$customer", installation.CustomerId),
                ("$code", installation.Code),
                ("$name", installation.Name),
                ("$isVersion", installation.IsVersion),
                ("$modules", Columns.List(installation.Modules)),
                ("$timeZone", installation.TimeZone),
                ("$at", Columns.Instant(installation.CreatedAt)),
            ],
            Read,
            cancellationToken);
    }

    public async Task<Installation?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM installations WHERE code = $code;", [("$code", code)], Read, cancellationToken);
    }

    public async Task<Installation?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM installations WHERE id = $id;", [("$id", id)], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Installation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {Selected} FROM installations ORDER BY code;", [], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Installation>> ListByCustomerAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Selected} FROM installations WHERE customer_id = $customer ORDER BY code;",
            [("$customer", customerId)],
            Read,
            cancellationToken);
    }

    private static Installation Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Columns.ReadList(r.GetString(5)),
        r.GetString(6),
        Columns.ReadInstant(r.GetString(7)));
}
