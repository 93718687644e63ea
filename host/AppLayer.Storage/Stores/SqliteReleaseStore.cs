using AppLayer.Core.Releases;

namespace AppLayer.Storage.Stores;

internal sealed class SqliteReleaseStore(SqliteDatabase database) : IReleaseStore
{
    public async Task<Release?> AddAsync(Release release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await connection.ScalarAsync<long?>(
            """
            INSERT INTO releases (name, notes, created_at) VALUES ($name, $notes, $at)
            ON CONFLICT DO NOTHING
            RETURNING id;
            """,
            [("$name", release.Name), ("$notes", release.Notes), ("$at", Columns.Instant(release.CreatedAt))],
            cancellationToken,
            transaction);
        if (id is null)
        {
            return null;
        }

        for (var position = 0; position < release.Packages.Count; position++)
        {
            var reference = release.Packages[position];
            var at = reference.LastIndexOf('@');
            var added = await connection.ExecuteAsync(
                """
                INSERT INTO release_packages (release_id, position, package_pkey)
                SELECT $release, $position, pkey FROM packages WHERE id = $id AND version = $version;
                """,
                [("$release", id), ("$position", position), ("$id", reference[..at]), ("$version", reference[(at + 1)..])],
                cancellationToken,
                transaction);
            if (added != 1)
            {
                throw new InvalidOperationException($"Package {reference} is not in the feed.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return release with { Id = id.Value };
    }

    public async Task<IReadOnlyList<Release>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var packages = (await connection.QueryAsync(
            """
            SELECT rp.release_id, p.id || '@' || p.version
            FROM release_packages rp JOIN packages p ON p.pkey = rp.package_pkey
            ORDER BY rp.release_id, rp.position;
            """,
            [],
            r => (Release: r.GetInt64(0), Package: r.GetString(1)),
            cancellationToken)).ToLookup(p => p.Release, p => p.Package);
        return await connection.QueryAsync(
            "SELECT id, name, notes, created_at FROM releases ORDER BY created_at, id;",
            [],
            r => new Release(r.GetInt64(0), r.GetString(1), [.. packages[r.GetInt64(0)]], r.GetString(2), Columns.ReadInstant(r.GetString(3))),
            cancellationToken);
    }
}
