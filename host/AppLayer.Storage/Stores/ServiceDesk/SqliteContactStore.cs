using AppLayer.Core.ServiceDesk.Contacts;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.ServiceDesk;

internal sealed class SqliteContactStore(SqliteDatabase database) : IContactStore
{
    private const string Select = "SELECT id, customer_id, email, name, created_at FROM contacts";

    public async Task<Contact?> AddAsync(long customerId, string email, string name, string portalHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            """
            INSERT INTO contacts (customer_id, email, name, portal_hash, created_at) VALUES ($customer, $email, $name, $hash, $at)
            ON CONFLICT DO NOTHING
            RETURNING id, customer_id, email, name, created_at;
            """,
            [("$customer", customerId), ("$email", email), ("$name", name), ("$hash", portalHash), ("$at", Columns.Instant(createdAt))],
            Read,
            cancellationToken);
    }

    public async Task<Contact?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"{Select} WHERE email = $email;", [("$email", email)], Read, cancellationToken);
    }

    public async Task<Contact?> FindByPortalHashAsync(string portalHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync($"{Select} WHERE portal_hash = $hash;", [("$hash", portalHash)], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<Contact>> ListAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"{Select} WHERE customer_id = $customer ORDER BY email;", [("$customer", customerId)], Read, cancellationToken);
    }

    private static Contact Read(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Columns.ReadInstant(r.GetString(4)));
}
