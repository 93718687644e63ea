using AppLayer.Core.Customers;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteCustomerStore(SqliteDatabase database, DatabaseChanges changes) : ICustomerStore
{
    // Customers by code while the database is unchanged: a customer's history or dashboard page costs
    // no query for it, and any commit (by this process or another) is seen before the next lookup.
    private readonly StampedCache<string, Customer> _byCode = new(changes);

    private const string Select = "SELECT id, code, name, created_at FROM customers";

    public async Task<Customer?> AddAsync(string code, string name, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            """
            INSERT INTO customers (code, name, created_at) VALUES ($code, $name, $at)
            ON CONFLICT DO NOTHING
            RETURNING id, code, name, created_at;
            """,
            [("$code", code), ("$name", name), ("$at", Columns.Instant(createdAt))],
            Read,
            cancellationToken);
    }

    public Task<Customer?> FindAsync(string code, CancellationToken cancellationToken) =>
        _byCode.GetAsync(code, LoadAsync, cancellationToken);

    public async Task<Customer?> FindByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"{Select} WHERE id = $id;", [("$id", id)], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Customer>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"{Select} ORDER BY code;", [], Read, cancellationToken);
    }

    private async Task<Customer?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"{Select} WHERE code = $code;", [("$code", code)], Read, cancellationToken);
    }

    private static Customer Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Columns.ReadInstant(r.GetString(3)));
}
