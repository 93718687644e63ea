using System.Security.Cryptography;
using System.Text;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Trust;

/// <summary>
/// The TUF client workflow (specification 1.0, section 5) from the pinned root: walk the
/// <c>N.root.json</c> chain, then timestamp → snapshot → targets, each checked for signature
/// threshold, version (no rollback, no mix-and-match), length and hashes, and expiry. Nothing is
/// stored unless everything verified.
/// </summary>
internal sealed class TufUpdater(TrustStore store, IMetadataSource client, TimeProvider clock)
{
    public const long MaxRootBytes = 512 * 1024;
    public const long MaxTimestampBytes = 16 * 1024;
    public const long MaxSnapshotBytes = 4 * 1024 * 1024;
    public const long MaxTargetsBytes = 64 * 1024 * 1024;
    private const int MaxRootRotations = 64;

    /// <summary>Verifies a root fetched at enrollment: it must be signed by its own root keys and not expired.</summary>
    /// <exception cref="TufException">It is not.</exception>
    public static TufRoot VerifyInitialRoot(byte[] bytes, DateTimeOffset now)
    {
        var root = TufRoot.From(TufDocument.Parse(bytes, TufRoles.Root));
        root.Verify(TufRoles.Root, root.Document);
        root.Document.EnsureNotExpired(now);
        return root;
    }

    /// <returns>The verified top-level targets (by target path) and what they delegate.</returns>
    /// <exception cref="TufException">Any check failed; the trusted files are unchanged.</exception>
    public async Task<VerifiedTargets> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var writes = new Dictionary<string, byte[]?>(StringComparer.Ordinal);

        // 1. The root chain: each next version signed by a threshold of the old and of its own root keys.
        var pinned = store.ReadRoot();
        var root = pinned;
        for (var i = 0; i < MaxRootRotations; i++)
        {
            var name = $"{root.Version + 1}.root.json";
            var next = await client.FetchAsync(name, MaxRootBytes, null, cancellationToken);
            if (next.NotFound)
            {
                break;
            }

            var document = TufDocument.Parse(next.Bytes, TufRoles.Root);
            root.Verify(TufRoles.Root, document);
            var newRoot = TufRoot.From(document);
            newRoot.Verify(TufRoles.Root, document);
            if (document.Version != root.Version + 1)
            {
                throw new TufException($"{name} holds root version {document.Version}; refused (rollback or a broken chain).");
            }

            root = newRoot;
            writes["root.json"] = next.Bytes;
        }

        root.Document.EnsureNotExpired(now);

        // Keys that changed make what they signed before worthless (spec 5.3.11).
        var timestampKeysChanged = !SameKeys(pinned, root, TufRoles.Timestamp);
        var snapshotKeysChanged = !SameKeys(pinned, root, TufRoles.Snapshot);
        var trustedTimestamp = timestampKeysChanged ? null : store.ReadDocument("timestamp.json", TufRoles.Timestamp);
        var trustedSnapshot = timestampKeysChanged || snapshotKeysChanged ? null : store.ReadDocument("snapshot.json", TufRoles.Snapshot);
        var trustedTargetsBytes = SameKeys(pinned, root, TufRoles.Targets) ? store.Read("targets.json") : null;

        // 2. Timestamp: polled with If-None-Match while the trusted one is still valid; a 304 keeps it. An expired
        // one is never asked for conditionally: a static mirror's weak validator (nginx: mtime and size) may not
        // change between two exports in the same second, and a 304 would then pin an expired timestamp.
        var etag = trustedTimestamp is null || trustedTimestamp.Expires <= now ? null
            : store.Read(TrustStore.ETagFile) is { } tag ? Encoding.ASCII.GetString(tag) : null;
        var fetchedTimestamp = await client.FetchAsync("timestamp.json", MaxTimestampBytes, etag, cancellationToken);
        TufDocument timestamp;
        if (fetchedTimestamp.NotModified && trustedTimestamp is not null)
        {
            timestamp = trustedTimestamp;
        }
        else
        {
            timestamp = Required(fetchedTimestamp, "timestamp.json", TufRoles.Timestamp);
            root.Verify(TufRoles.Timestamp, timestamp);
            if (trustedTimestamp is not null)
            {
                if (timestamp.Version < trustedTimestamp.Version)
                {
                    throw new TufException($"timestamp metadata version {timestamp.Version} is older than the trusted version {trustedTimestamp.Version}; refused (rollback).");
                }

                if (MetaVersion(timestamp, "snapshot.json") < MetaVersion(trustedTimestamp, "snapshot.json"))
                {
                    throw new TufException($"timestamp metadata names snapshot version {MetaVersion(timestamp, "snapshot.json")}, older than the trusted {MetaVersion(trustedTimestamp, "snapshot.json")}; refused (rollback).");
                }
            }

            writes["timestamp.json"] = fetchedTimestamp.Bytes;
            writes[TrustStore.ETagFile] = fetchedTimestamp.ETag is null ? null : Encoding.ASCII.GetBytes(fetchedTimestamp.ETag);
        }

        timestamp.EnsureNotExpired(now);

        // 3. Snapshot: exactly the version, length and hash the timestamp names.
        var snapshotMeta = Meta(timestamp, "snapshot.json");
        TufDocument snapshot;
        var trustedSnapshotBytes = trustedSnapshot is null ? null : store.Read("snapshot.json");
        if (trustedSnapshot is not null && trustedSnapshot.Version == snapshotMeta.Version && Matches(snapshotMeta, trustedSnapshotBytes!))
        {
            snapshot = trustedSnapshot;
        }
        else
        {
            var fetched = await client.FetchAsync("snapshot.json", snapshotMeta.Length ?? MaxSnapshotBytes, null, cancellationToken);
            CheckAgainstMeta(fetched, "snapshot.json", snapshotMeta);
            snapshot = Required(fetched, "snapshot.json", TufRoles.Snapshot);
            root.Verify(TufRoles.Snapshot, snapshot);
            CheckVersion(snapshot, snapshotMeta, "timestamp");
            if (trustedSnapshot is not null && MetaVersion(snapshot, "targets.json") < MetaVersion(trustedSnapshot, "targets.json"))
            {
                throw new TufException($"snapshot metadata names targets version {MetaVersion(snapshot, "targets.json")}, older than the trusted {MetaVersion(trustedSnapshot, "targets.json")}; refused (rollback).");
            }

            writes["snapshot.json"] = fetched.Bytes;
        }

        snapshot.EnsureNotExpired(now);

        // 4. Targets: exactly the version (and length and hash, when given) the snapshot names.
        var targetsMeta = Meta(snapshot, "targets.json");
        TufDocument targets;
        var trustedTargets = trustedTargetsBytes is null ? null : TufDocument.Parse(trustedTargetsBytes, TufRoles.Targets);
        if (trustedTargets is not null && trustedTargets.Version == targetsMeta.Version && Matches(targetsMeta, trustedTargetsBytes!))
        {
            targets = trustedTargets;
            root.Verify(TufRoles.Targets, targets);
        }
        else
        {
            var fetched = await client.FetchAsync("targets.json", targetsMeta.Length ?? MaxTargetsBytes, null, cancellationToken);
            CheckAgainstMeta(fetched, "targets.json", targetsMeta);
            targets = Required(fetched, "targets.json", TufRoles.Targets);
            root.Verify(TufRoles.Targets, targets);
            CheckVersion(targets, targetsMeta, "snapshot");
            writes["targets.json"] = fetched.Bytes;
        }

        targets.EnsureNotExpired(now);
        var result = new VerifiedTargets(snapshot, ReadTargets(targets), TufDelegationSet.From(targets));
        store.Write(writes);
        return result;
    }

    /// <summary>
    /// Looks a target path up as the specification's targets search does: the top-level targets, then
    /// each delegated role whose path patterns cover it, in order (a terminating one ends the search).
    /// A delegated role is fetched only when needed, and verified against the delegating keys and
    /// threshold, the version, length and hash the snapshot names, and its expiry.
    /// </summary>
    /// <returns><c>null</c> when no trusted role signs <paramref name="path"/>.</returns>
    /// <exception cref="TufException">A delegated role did not verify; it is not stored.</exception>
    /// <exception cref="UnverifiableTargetException">The snapshot names a delegated role the feed does not serve.</exception>
    public async Task<SignedTarget?> FindAsync(VerifiedTargets top, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(top);
        if (top.Targets.TryGetValue(path, out var target))
        {
            return target;
        }

        foreach (var role in top.Delegations.Roles.Where(r => r.Covers(path)))
        {
            if (!top.Delegated.TryGetValue(role.Name, out var delegated))
            {
                delegated = top.Delegated[role.Name] = await DelegatedAsync(top, role, cancellationToken);
            }

            if (delegated.TryGetValue(path, out target))
            {
                return target;
            }

            if (role.Terminating)
            {
                return null;
            }
        }

        return null;
    }

    private async Task<IReadOnlyDictionary<string, SignedTarget>> DelegatedAsync(VerifiedTargets top, TufDelegation role, CancellationToken cancellationToken)
    {
        var name = TufDelegations.FileName(role.Name);
        var meta = Meta(top.Snapshot, name);
        var trustedBytes = store.Read(name);
        var trusted = trustedBytes is null ? null : TufDocument.Parse(trustedBytes, TufRoles.Targets);
        TufDocument document;
        byte[]? write = null;
        if (trusted is not null && trusted.Version == meta.Version && Matches(meta, trustedBytes!))
        {
            document = trusted;
        }
        else
        {
            if (trusted is not null && meta.Version < trusted.Version)
            {
                throw new TufException($"snapshot metadata names {name} version {meta.Version}, older than the trusted {trusted.Version}; refused (rollback).");
            }

            var fetched = await client.FetchAsync(name, meta.Length ?? MaxTargetsBytes, null, cancellationToken);
            if (fetched.NotFound)
            {
                throw new UnverifiableTargetException($"the snapshot names delegated targets metadata {name} but the feed does not serve it, so the packages it signs cannot be verified; refused.");
            }

            CheckAgainstMeta(fetched, name, meta);
            document = Required(fetched, name, TufRoles.Targets);
            write = fetched.Bytes;
        }

        top.Delegations.Verify(role, document);
        CheckVersion(document, meta, "snapshot");
        try
        {
            document.EnsureNotExpired(clock.GetUtcNow());
        }
        catch (TufException ex)
        {
            throw new TufException($"delegated role {role.Name}: {ex.Message}", ex);
        }

        var targets = ReadTargets(document);
        if (targets.Keys.FirstOrDefault(p => !role.Covers(p)) is { } outside)
        {
            throw new TufException($"delegated role {role.Name} signs {outside}, outside the paths it is trusted for; refused.");
        }

        if (write is not null)
        {
            store.Write(new Dictionary<string, byte[]?> { [name] = write });
        }

        return targets;
    }

    private static bool SameKeys(TufRoot a, TufRoot b, string role) =>
        a.Roles[role].KeyIds.SetEquals(b.Roles[role].KeyIds) && a.Roles[role].Threshold == b.Roles[role].Threshold;

    private static TufDocument Required(Fetched fetched, string name, string role) =>
        fetched.NotFound || fetched.NotModified
            ? throw new TufException($"the feed has no {name}; it is not a signed feed.")
            : TufDocument.Parse(fetched.Bytes, role);

    private static (long Version, long? Length, string? Sha256) Meta(TufDocument document, string name)
    {
        try
        {
            var node = document.Signed["meta"]?[name] ?? throw new TufException($"{document.Type} metadata does not name {name}.");
            return (node["version"]!.GetValue<long>(), node["length"]?.GetValue<long>(), node["hashes"]?["sha256"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new TufException($"{document.Type} metadata has a malformed entry for {name}.", ex);
        }
    }

    private static long MetaVersion(TufDocument document, string name) => Meta(document, name).Version;

    private static bool Matches((long Version, long? Length, string? Sha256) meta, byte[] bytes) =>
        (meta.Length is null || meta.Length == bytes.Length)
        && (meta.Sha256 is null || string.Equals(meta.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.OrdinalIgnoreCase));

    private static void CheckAgainstMeta(Fetched fetched, string name, (long Version, long? Length, string? Sha256) meta)
    {
        if (!fetched.NotFound && !fetched.NotModified && !Matches(meta, fetched.Bytes))
        {
            throw new TufException($"{name} ({fetched.Bytes.Length} bytes) does not match the length and hash its parent metadata declares for version {meta.Version}; refused (mix-and-match).");
        }
    }

    private static void CheckVersion(TufDocument document, (long Version, long? Length, string? Sha256) meta, string parent)
    {
        if (document.Version != meta.Version)
        {
            throw new TufException($"{document.Type} metadata is version {document.Version} but the {parent} names version {meta.Version}; refused (mix-and-match or rollback).");
        }
    }

    private static Dictionary<string, SignedTarget> ReadTargets(TufDocument targets)
    {
        var result = new Dictionary<string, SignedTarget>(StringComparer.Ordinal);
        try
        {
            foreach (var (path, node) in targets.Signed["targets"]?.AsObject() ?? [])
            {
                var length = node!["length"]!.GetValue<long>();
                var sha512 = node["hashes"]?["sha512"]?.GetValue<string>();
                if (sha512 is not null)
                {
                    result[path] = new SignedTarget(length, Convert.ToBase64String(Convert.FromHexString(sha512)));
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new TufException("targets metadata has a malformed target entry.", ex);
        }

        return result;
    }
}
