using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AppLayer.Core;
using AppLayer.Core.Model;
using AppLayer.Core.Stores;
using AppLayer.Core.Tuf;
using AppLayer.Feed.Indexing;
using AppLayer.Feed.Storage;
using Microsoft.Extensions.Options;

namespace AppLayer.Feed.Tuf;

/// <summary>
/// The feed's signed TUF metadata in <c>{DataDirectory}/tuf/</c> (<c>root.json</c>, <c>N.root.json</c>,
/// <c>targets.json</c>, <c>snapshot.json</c>, <c>timestamp.json</c>) and its online keys in
/// <c>{DataDirectory}/keys/</c>. The root key may live elsewhere (offline); it is needed only to
/// initialise and to rotate. Targets, snapshot and timestamp are signed again on each push, and so is
/// each customer's delegated targets role (<c>customer-{code}.json</c>, see <see cref="TufDelegations"/>).
/// </summary>
public sealed class TufRepository(IOptions<FeedOptions> options, IPackageStore packages, IPackageFileStore files, TimeProvider time)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string MetadataDirectory => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "tuf");

    public string KeysDirectory => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "keys");

    public bool IsInitialized => File.Exists(MetadataPath("root.json"));

    /// <summary>Creates the four keys, root version 1 and the first targets, snapshot and timestamp.</summary>
    /// <exception cref="UserException">The feed has keys already.</exception>
    public async Task InitializeAsync(string? rootKeyDirectory, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (IsInitialized)
            {
                throw new UserException($"the feed's signing keys exist already ({MetadataPath("root.json")}); use 'applayer keys rotate'.");
            }

            var rootKeyPath = RootKeyPath(rootKeyDirectory);
            if (File.Exists(rootKeyPath))
            {
                throw new UserException($"{rootKeyPath} exists already; refusing to overwrite a root key.");
            }

            using var root = TufSigningKey.Generate();
            var online = TufRoles.All.Where(r => r != TufRoles.Root).ToDictionary(r => r, _ => TufSigningKey.Generate());
            var written = new List<string>();
            try
            {
                written.Add(rootKeyPath);
                TufFiles.WriteKey(rootKeyPath, root.ToPem());
                foreach (var (role, key) in online)
                {
                    written.Add(KeyPath(role));
                    TufFiles.WriteKey(KeyPath(role), key.ToPem());
                }

                var roleKeys = online.ToDictionary(p => p.Key, p => (IReadOnlyList<TufKey>)[p.Value.Public]);
                roleKeys[TufRoles.Root] = [root.Public];
                written.Add(MetadataDirectory);
                WriteRoot(TufRoot.Create(1, time.GetUtcNow() + TufLifetimes.Root, roleKeys, [root]));
                await PublishLockedAsync(cancellationToken);
            }
            catch
            {
                // Half an initialisation is none: the next try starts clean.
                foreach (var path in written)
                {
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }

                    File.Delete(path);
                }

                throw;
            }
            finally
            {
                foreach (var key in online.Values)
                {
                    key.Dispose();
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Signs new targets, snapshot and timestamp for the packages now in the feed.</summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await PublishLockedAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// New keys for <paramref name="roles"/>, in a new root version signed by the old root key and
    /// (when root rotates) the new one; then new targets, snapshot and timestamp.
    /// </summary>
    /// <returns>The new root version.</returns>
    /// <exception cref="UserException">Not initialised, an unknown role, or the root key is not there.</exception>
    public async Task<long> RotateAsync(IReadOnlyCollection<string> roles, string? rootKeyDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.FirstOrDefault(r => !TufRoles.IsRole(r)) is { } unknown)
        {
            throw new UserException($"'{unknown}' is not a role; use root, targets, snapshot or timestamp.");
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            var current = CurrentRoot();
            var rootKeyPath = RootKeyPath(rootKeyDirectory);
            if (!File.Exists(rootKeyPath))
            {
                throw new UserException($"the root key is not at {rootKeyPath}; pass --root-keys with the folder that holds root.pem.");
            }

            using var oldRoot = TufSigningKey.FromPem(await File.ReadAllTextAsync(rootKeyPath, cancellationToken));
            if (!current.Roles[TufRoles.Root].KeyIds.Contains(oldRoot.KeyId))
            {
                throw new UserException($"{rootKeyPath} is not a root key of root version {current.Version}.");
            }

            var fresh = roles.Distinct().ToDictionary(r => r, _ => TufSigningKey.Generate());
            try
            {
                var roleKeys = new Dictionary<string, IReadOnlyList<TufKey>>();
                foreach (var role in TufRoles.All)
                {
                    roleKeys[role] = fresh.TryGetValue(role, out var key)
                        ? [key.Public]
                        : [.. current.Roles[role].KeyIds.Select(id => current.Keys[id])];
                }

                var signers = new List<TufSigningKey> { oldRoot };
                if (fresh.TryGetValue(TufRoles.Root, out var newRoot))
                {
                    signers.Add(newRoot);
                }

                var next = TufRoot.Create(current.Version + 1, time.GetUtcNow() + TufLifetimes.Root, roleKeys, signers);
                foreach (var (role, key) in fresh)
                {
                    TufFiles.WriteKey(role == TufRoles.Root ? rootKeyPath : KeyPath(role), key.ToPem());
                }

                WriteRoot(next);
                await PublishLockedAsync(cancellationToken);
                return next.Version;
            }
            finally
            {
                foreach (var key in fresh.Values)
                {
                    key.Dispose();
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A metadata file's bytes as served; an old timestamp is signed again first.</summary>
    /// <returns><c>null</c> when there is no such file.</returns>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        if (!TufFiles.IsMetadataName(name))
        {
            return null;
        }

        if (name == "timestamp.json" && IsInitialized)
        {
            var path = MetadataPath(name);
            if (!File.Exists(path) || TufDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken), TufRoles.Timestamp).Expires - time.GetUtcNow() < TufLifetimes.TimestampRefresh)
            {
                await Gate.WaitAsync(cancellationToken);
                try
                {
                    await RefreshTimestampLockedAsync(cancellationToken);
                }
                finally
                {
                    Gate.Release();
                }
            }
        }

        try
        {
            return await File.ReadAllBytesAsync(MetadataPath(name), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task RefreshTimestampLockedAsync(CancellationToken cancellationToken)
    {
        var path = MetadataPath("timestamp.json");
        var old = File.Exists(path) ? TufDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken), TufRoles.Timestamp) : null;
        if (old is not null && old.Expires - time.GetUtcNow() >= TufLifetimes.TimestampRefresh)
        {
            return;
        }

        var snapshot = await File.ReadAllBytesAsync(MetadataPath("snapshot.json"), cancellationToken);
        SignTimestamp(old?.Version ?? 0, snapshot);
    }

    private async Task PublishLockedAsync(CancellationToken cancellationToken)
    {
        if (!IsInitialized)
        {
            return;
        }

        var previousTargets = Existing("targets.json", TufRoles.Targets);
        var known = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Remember(known, previousTargets);
        var publicTargets = new JsonObject();
        var bespoke = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var package in (await packages.ListWithKitAsync(cancellationToken)).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => FeedVersions.Parse(p.Version)))
        {
            // Legislative and kit packages: top-level targets, which every site reads. Bespoke: their customer's delegated role only.
            var customer = package.Kit ? null : package.Manifest.Customer;
            var role = customer is null ? null : TufDelegations.RoleFor(customer);
            if (role is not null && !bespoke.ContainsKey(role))
            {
                bespoke[role] = [];
                Remember(known, Existing(TufDelegations.FileName(role), TufRoles.Targets));
            }

            var path = role is null ? TufTargetPaths.For(package.Id, package.Version) : TufDelegations.TargetPath(role, package.Id, package.Version);
            (role is null ? publicTargets : bespoke[role])[path] = known.TryGetValue(path, out var same) && same["hashes"]?["sha512"]?.GetValue<string>() == Hex(package.Sha512)
                ? same.DeepClone()
                : await TargetAsync(package, cancellationToken);
        }

        var now = time.GetUtcNow();
        using var targetsKey = LoadKey(TufRoles.Targets);
        var snapshotMeta = new JsonObject();
        var delegated = new List<(string Name, byte[] Bytes)>();
        foreach (var (role, roleTargets) in bespoke)
        {
            // Delegated roles are signed with the online targets key (see docs/signed-feed.md).
            var name = TufDelegations.FileName(role);
            var doc = TufDocument.Create(TufRoles.Targets, (Existing(name, TufRoles.Targets)?.Version ?? 0) + 1, now + TufLifetimes.Targets, new JsonObject { ["targets"] = roleTargets }, [targetsKey]);
            delegated.Add((name, doc.ToBytes()));
            snapshotMeta[name] = Meta(doc.Version, delegated[^1].Bytes);
        }

        var targetsBody = new JsonObject { ["targets"] = publicTargets };
        if (bespoke.Count > 0)
        {
            targetsBody["delegations"] = TufDelegationSet.ToJson([targetsKey.Public], bespoke.Keys.Select(r => (r, (IReadOnlyList<string>)[TufDelegations.PathPattern(r)])));
        }

        var targetsDoc = TufDocument.Create(TufRoles.Targets, (previousTargets?.Version ?? 0) + 1, now + TufLifetimes.Targets, targetsBody, [targetsKey]);
        var targetsBytes = targetsDoc.ToBytes();
        snapshotMeta["targets.json"] = Meta(targetsDoc.Version, targetsBytes);

        var previousSnapshot = Existing("snapshot.json", TufRoles.Snapshot);
        using var snapshotKey = LoadKey(TufRoles.Snapshot);
        var snapshotDoc = TufDocument.Create(
            TufRoles.Snapshot,
            (previousSnapshot?.Version ?? 0) + 1,
            now + TufLifetimes.Snapshot,
            new JsonObject { ["meta"] = snapshotMeta },
            [snapshotKey]);
        var snapshotBytes = snapshotDoc.ToBytes();

        foreach (var (name, bytes) in delegated)
        {
            TufFiles.WriteAtomic(MetadataPath(name), bytes);
        }

        // Order matters for a reader in between: targets, then snapshot, then timestamp.
        TufFiles.WriteAtomic(MetadataPath("targets.json"), targetsBytes);
        TufFiles.WriteAtomic(MetadataPath("snapshot.json"), snapshotBytes);
        SignTimestamp(Existing("timestamp.json", TufRoles.Timestamp)?.Version ?? 0, snapshotBytes);
    }

    private void SignTimestamp(long previousVersion, byte[] snapshotBytes)
    {
        var snapshot = TufDocument.Parse(snapshotBytes, TufRoles.Snapshot);
        using var key = LoadKey(TufRoles.Timestamp);
        var doc = TufDocument.Create(
            TufRoles.Timestamp,
            previousVersion + 1,
            time.GetUtcNow() + TufLifetimes.Timestamp,
            new JsonObject { ["meta"] = new JsonObject { ["snapshot.json"] = Meta(snapshot.Version, snapshotBytes) } },
            [key]);
        TufFiles.WriteAtomic(MetadataPath("timestamp.json"), doc.ToBytes());
    }

    private async Task<JsonObject> TargetAsync(FeedPackage package, CancellationToken cancellationToken)
    {
        await using var stream = files.OpenNupkg(package.Id, package.Version)
            ?? throw new InvalidOperationException($"{package.Id} {package.Version} has a row but no file.");
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        var custom = new JsonObject
        {
            ["id"] = package.Id,
            ["version"] = package.Version,
            ["kind"] = package.Kit ? KitPackages.Kind : package.Manifest.Kind.ToString(),
        };
        return new JsonObject
        {
            ["length"] = package.Size,
            ["hashes"] = new JsonObject { ["sha256"] = sha256, ["sha512"] = Hex(package.Sha512) },
            ["custom"] = custom,
        };
    }

    private static void Remember(Dictionary<string, JsonObject> known, TufDocument? document)
    {
        foreach (var (path, node) in document?.Signed["targets"]?.AsObject() ?? [])
        {
            if (node is JsonObject target)
            {
                known[path] = target;
            }
        }
    }

    private static JsonObject Meta(long version, byte[] bytes) => new()
    {
        ["version"] = version,
        ["length"] = bytes.Length,
        ["hashes"] = new JsonObject { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
    };

    private static string Hex(string base64) => Convert.ToHexStringLower(Convert.FromBase64String(base64));

    private TufRoot CurrentRoot() =>
        Existing("root.json", TufRoles.Root) is { } doc
            ? TufRoot.From(doc)
            : throw new UserException($"the feed has no signing keys yet ({MetadataPath("root.json")}); run 'applayer keys init'.");

    private void WriteRoot(TufRoot root)
    {
        var bytes = root.Document.ToBytes();
        TufFiles.WriteAtomic(MetadataPath($"{root.Version}.root.json"), bytes);
        TufFiles.WriteAtomic(MetadataPath("root.json"), bytes);
    }

    private TufDocument? Existing(string name, string role)
    {
        var path = MetadataPath(name);
        return File.Exists(path) ? TufDocument.Parse(File.ReadAllBytes(path), role) : null;
    }

    private TufSigningKey LoadKey(string role)
    {
        var path = KeyPath(role);
        if (!File.Exists(path))
        {
            throw new UserException($"the {role} signing key is missing ({path}); restore it or run 'applayer keys rotate --role {role}'.");
        }

        return TufSigningKey.FromPem(File.ReadAllText(path));
    }

    private string KeyPath(string role) => Path.Combine(KeysDirectory, role + ".pem");

    private string RootKeyPath(string? rootKeyDirectory) =>
        Path.Combine(string.IsNullOrWhiteSpace(rootKeyDirectory) ? KeysDirectory : Path.GetFullPath(rootKeyDirectory), "root.pem");

    private string MetadataPath(string name) => Path.Combine(MetadataDirectory, name);
}
