using AppLayer.Core.Model;
using AppLayer.Core.Stores;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteAgreementStore(SqliteDatabase database) : IAgreementStore
{
    private const string Selected = "customer_id, version, services, modules, signed_at";

    public async Task<Agreement> AddVersionAsync(
        long customerId,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var agreement = await connection.QuerySingleAsync(
            $"""
            INSERT INTO agreements (customer_id, version, services, modules, signed_at)
            SELECT $customer, COALESCE(MAX(version), 0) + 1, $services, $modules, $at
            FROM agreements WHERE customer_id = $customer
            RETURNING {Selected};
            """,
            [
                ("$customer", customerId),
                ("$services", Columns.List(services)),
                ("$modules", Columns.List(modules)),
                ("$at", Columns.Instant(signedAt)),
            ],
            Read,
            cancellationToken,
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return agreement!;
    }

    public async Task<Agreement?> FindCurrentAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM agreements WHERE customer_id = $customer ORDER BY version DESC LIMIT 1;",
            [("$customer", customerId)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Agreement>> ListCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"""
            SELECT {Selected} FROM agreements a
            WHERE version = (SELECT MAX(version) FROM agreements b WHERE b.customer_id = a.customer_id)
            ORDER BY customer_id;
            """,
            [],
            Read,
            cancellationToken);
    }

    private static Agreement Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt32(1), Columns.ReadList(r.GetString(2)), Columns.ReadList(r.GetString(3)), Columns.ReadInstant(r.GetString(4)));
}
