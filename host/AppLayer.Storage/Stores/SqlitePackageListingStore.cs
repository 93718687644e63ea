using AppLayer.Core.Releases;

namespace AppLayer.Storage.Stores;

internal sealed class SqlitePackageListingStore(SqliteDatabase database) : IPackageListingStore
{
    public async Task<bool> UnlistAsync(string id, string version, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE packages SET unlisted_at = $at WHERE id = $id AND version = $version AND unlisted_at IS NULL;",
            [("$id", id), ("$version", version), ("$at", Columns.Instant(at))],
            cancellationToken);
        var count = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM packages WHERE id = $id AND version = $version;",
            [("$id", id), ("$version", version)],
            cancellationToken);
        return count > 0;
    }

    public async Task<IReadOnlySet<string>> ListUnlistedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync(
            "SELECT id, version FROM packages WHERE unlisted_at IS NOT NULL;",
            [],
            r => IPackageListingStore.Key(r.GetString(0), r.GetString(1)),
            cancellationToken);
        return keys.ToHashSet(StringComparer.Ordinal);
    }
}
