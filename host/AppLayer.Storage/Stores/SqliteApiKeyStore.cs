using AppLayer.Protocol;
using AppLayer.Core.Keys;
using AppLayer.Core.ServiceDesk.Contacts;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteApiKeyStore(SqliteDatabase database, DatabaseChanges changes) : IApiKeyStore
{
    // Keys by hash while the database is unchanged: a download costs no query, and any commit (a
    // revocation here or by `applayer keys revoke` in another process) is seen before the next lookup.
    // Expiry is checked against the clock by ApiKeyService on every request.
    private readonly StampedCache<string, StoredApiKey> _cache = new(changes);

    private const string Selected = "id, scope, installation_id, created_at, expires_at, revoked_at, hash";
    private const string ContactSelected = "id, customer_id, created_at, expires_at, revoked_at, hash";

    public async Task<ApiKeyInfo> AddAsync(
        string hash,
        KeyScope scope,
        long? installationId,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO api_keys (hash, scope, installation_id, created_at, expires_at)
            VALUES ($hash, $scope, $installation, $created, $expires)
            RETURNING {Selected};
            """,
            [
                ("$hash", hash),
                ("$scope", scope.ToName()),
                ("$installation", installationId),
                ("$created", Columns.Instant(createdAt)),
                ("$expires", Columns.Instant(expiresAt)),
            ],
            Read,
            cancellationToken);
        return stored!.Info;
    }

    public async Task<ApiKeyInfo> AddContactAsync(
        string hash,
        long customerId,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleAsync(
            $"""
            INSERT INTO contact_keys (hash, customer_id, created_at, expires_at)
            VALUES ($hash, $customer, $created, $expires)
            RETURNING {ContactSelected};
            """,
            [
                ("$hash", hash),
                ("$customer", customerId),
                ("$created", Columns.Instant(createdAt)),
                ("$expires", Columns.Instant(expiresAt)),
            ],
            ReadContact,
            cancellationToken);
        return stored!.Info;
    }

    public Task<StoredApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        _cache.GetAsync(hash, ReadByHashAsync, cancellationToken);

    private async Task<StoredApiKey?> ReadByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
                $"SELECT {Selected} FROM api_keys WHERE hash = $hash;", [("$hash", hash)], Read, cancellationToken)
            ?? await connection.QuerySingleAsync(
                $"SELECT {ContactSelected} FROM contact_keys WHERE hash = $hash;", [("$hash", hash)], ReadContact, cancellationToken);
    }

    public Task<bool> RevokeAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeInAsync("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $at) WHERE id = $id;", id, revokedAt, cancellationToken);

    public Task<bool> RevokeContactAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeInAsync("UPDATE contact_keys SET revoked_at = COALESCE(revoked_at, $at) WHERE id = $id;", id, revokedAt, cancellationToken);

    /// <summary>Revokes one key of either table (the first revocation's time is kept).</summary>
    private async Task<bool> RevokeInAsync(string update, long id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(update, [("$id", id), ("$at", Columns.Instant(revokedAt))], cancellationToken);
        return changed > 0;
    }

    private static StoredApiKey Read(SqliteDataReader r) => new(
        new ApiKeyInfo(
            r.GetInt64(0),
            KeyScopeNames.Parse(r.GetString(1)),
            r.IsDBNull(2) ? null : r.GetInt64(2),
            Columns.ReadInstant(r.GetString(3)),
            Columns.ReadOptionalInstant(r.GetNullableString(4)),
            !r.IsDBNull(5)),
        r.GetString(6));

    private static StoredApiKey ReadContact(SqliteDataReader r) => new(
        new ApiKeyInfo(
            r.GetInt64(0),
            KeyScope.Contact,
            null,
            Columns.ReadInstant(r.GetString(2)),
            Columns.ReadOptionalInstant(r.GetNullableString(3)),
            !r.IsDBNull(4))
        {
            CustomerId = r.GetInt64(1),
        },
        r.GetString(5));
}
