using AppLayer.Core.Releases;
using AppLayer.Sdk;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores;

internal sealed class SqlitePackageStore(SqliteDatabase database) : IPackageStore
{
    private const string Selected = "id, version, sha512, size, manifest, published_at, kind";

    private const string KitKind = "Kit";

    public async Task<bool> AddAsync(FeedPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO packages (id, version, kind, manifest, sha512, size, published_at)
            VALUES ($id, $version, $kind, $manifest, $sha512, $size, $at)
            ON CONFLICT DO NOTHING;
            """,
            [
                ("$id", package.Id),
                ("$version", package.Version),
                ("$kind", package.Kit ? KitKind : package.Manifest.Kind.ToString()),
                ("$manifest", package.Manifest.ToJson()),
                ("$sha512", package.Sha512),
                ("$size", package.Size),
                ("$at", Columns.Instant(package.PublishedAt)),
            ],
            cancellationToken);
        return inserted == 1;
    }

    public async Task<bool> ExistsAsync(string id, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM packages WHERE id = $id AND version = $version;",
            [("$id", id), ("$version", version)],
            cancellationToken);
        return count > 0;
    }

    public async Task<FeedPackage?> FindAsync(string id, string version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync(
            $"SELECT {Selected} FROM packages WHERE id = $id AND version = $version AND kind <> '{KitKind}';",
            [("$id", id), ("$version", version)],
            Read,
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT version FROM packages WHERE id = $id ORDER BY pkey;",
            [("$id", id)],
            r => r.GetString(0),
            cancellationToken);
    }

    public async Task<IReadOnlyList<FeedPackage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {Selected} FROM packages WHERE kind <> '{KitKind}' ORDER BY id, pkey;", [], Read, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedPackage>> ListWithKitAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync($"SELECT {Selected} FROM packages ORDER BY id, pkey;", [], Read, cancellationToken);
    }

    private static FeedPackage Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetInt64(3),
        UpdateManifest.Parse(r.GetString(4)),
        Columns.ReadInstant(r.GetString(5)),
        r.GetString(6) == KitKind);
}
