using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AppLayer.Core;
using AppLayer.Core.Customers;
using AppLayer.Core.Releases;
using AppLayer.Feed.Indexing;
using AppLayer.Feed.Storage;
using AppLayer.Protocol;
using AppLayer.Protocol.Tuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AppLayer.Feed.Tuf;

/// <summary>
/// The feed's signed TUF metadata in <c>{DataDirectory}/tuf/</c> (<c>root.json</c>, <c>N.root.json</c>,
/// <c>targets.json</c>, <c>snapshot.json</c>, <c>timestamp.json</c>) and its online keys in
/// <c>{DataDirectory}/keys/</c>. The root key may live elsewhere (offline); it is needed only to
/// initialise and to rotate. Targets, snapshot and timestamp are signed again on each push, and so is
/// each customer's delegated targets role (<c>customer-{code}.json</c>, see <see cref="TufDelegations"/>).
/// Between pushes <see cref="RefreshAsync"/> keeps every online role fresh (see <see cref="TufOptions"/>).
/// Every write holds the in-process gate and, against other processes on the same data folder
/// (the CLI's <c>feed export</c>, <c>keys rotate</c>), the lock file <c>{DataDirectory}/tuf.lock</c>.
/// Each file signed is logged (<see cref="TufLog.Signed"/>) with what caused it.
/// </summary>
public sealed class TufRepository(IOptions<FeedOptions> options, IOptions<TufOptions> tufOptions, IPackageStore packages, IPackageFileStore files, TimeProvider time, ILogger<TufRepository>? logger = null)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;
    private readonly ConcurrentDictionary<string, Cached> _served = new(StringComparer.Ordinal);
    private volatile Freshness? _freshness;
    private string? _timestampPath;

    /// <summary>Rises when this process releases the write lock: what was kept in memory before is read again.</summary>
    private long _generation;

    private TufOptions Lifetimes => tufOptions.Value;

    public string MetadataDirectory => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "tuf");

    public string KeysDirectory => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "keys");

    public bool IsInitialized => File.Exists(MetadataPath("root.json"));

    /// <summary>Creates the four keys, root version 1 and the first targets, snapshot and timestamp.</summary>
    /// <exception cref="UserException">The feed has keys already.</exception>
    public async Task InitializeAsync(string? rootKeyDirectory, CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
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
                var first = TufRoot.Create(1, time.GetUtcNow() + Lifetimes.RootLifetime, roleKeys, [root]);
                WriteRoot(first);
                TufLog.Initialized(_log, first.Version, first.Document.Expires);
                Logged(await PublishLockedAsync(cancellationToken), "init");
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
    }

    /// <summary>Signs new targets, snapshot and timestamp for the packages now in the feed.</summary>
    /// <returns>What was signed, in the order written (empty when the feed has no keys yet).</returns>
    public async Task<IReadOnlyList<TufSigned>> PublishAsync(CancellationToken cancellationToken)
    {
        using (await LockAsync(cancellationToken))
        {
            return Logged(await PublishLockedAsync(cancellationToken), "push");
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

        using (await LockAsync(cancellationToken))
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

                var next = TufRoot.Create(current.Version + 1, time.GetUtcNow() + Lifetimes.RootLifetime, roleKeys, signers);
                foreach (var (role, key) in fresh)
                {
                    TufFiles.WriteKey(role == TufRoles.Root ? rootKeyPath : KeyPath(role), key.ToPem());
                }

                WriteRoot(next);
                TufLog.Rotated(_log, next.Version, string.Join(", ", fresh.Keys.Order(StringComparer.Ordinal)));
                Logged(await PublishLockedAsync(cancellationToken), "rotate");
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
    }

    /// <summary>A metadata file's bytes as served; every online role is made fresh first.</summary>
    /// <returns><c>null</c> when there is no such file.</returns>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        if (!TufFiles.IsMetadataName(name))
        {
            return null;
        }

        await EnsureFreshAsync(cancellationToken);
        return Serve(name)?.Bytes;
    }

    /// <summary>
    /// The cheap check made before metadata is served: one look at <c>timestamp.json</c>'s size and
    /// time, against the moment the first role needs signing again; only when that moment has come
    /// (or another process wrote the metadata) does it take the lock and <see cref="RefreshAsync"/>.
    /// </summary>
    /// <returns>What was signed again (mostly nothing).</returns>
    public async Task<IReadOnlyList<TufSigned>> EnsureFreshAsync(CancellationToken cancellationToken) =>
        IsFresh(FileStamp.Of(TimestampPath)) ? [] : IsInitialized ? await RefreshAsync(cancellationToken) : [];

    /// <summary>
    /// <see cref="EnsureFreshAsync"/> then <see cref="Serve"/> in one: the poll every site makes
    /// (<c>timestamp.json</c>, unchanged) costs one look at the file and no task.
    /// </summary>
    /// <remarks>What is signed again on the way (mostly nothing) is logged by <see cref="RefreshAsync"/>.</remarks>
    /// <returns><c>null</c> when there is no such file.</returns>
    public async ValueTask<TufServedFile?> ServeFreshAsync(string name, CancellationToken cancellationToken)
    {
        if (!TufFiles.IsMetadataName(name))
        {
            return null;
        }

        var stamp = FileStamp.Of(TimestampPath);
        if (IsFresh(stamp))
        {
            return name == "timestamp.json" ? Serve(name, TimestampPath, stamp) : Serve(name);
        }

        if (IsInitialized)
        {
            await RefreshAsync(cancellationToken);
        }

        return Serve(name);
    }

    private bool IsFresh(FileStamp? timestamp) =>
        _freshness is { } known && known.Generation == Interlocked.Read(ref _generation) && time.GetUtcNow() < known.Due && known.Timestamp == timestamp;

    private string TimestampPath => _timestampPath ??= MetadataPath("timestamp.json");

    /// <summary>
    /// Signs again, each with a new version, every online role that has less than
    /// <see cref="TufOptions.RefreshFraction"/> of its lifetime left: targets or a delegated role
    /// (then all targets roles, snapshot and timestamp, as a push does), else the snapshot (with the
    /// same meta; then the timestamp), else the timestamp.
    /// </summary>
    /// <returns>What was signed, in the order written (empty when every role was fresh).</returns>
    public async Task<IReadOnlyList<TufSigned>> RefreshAsync(CancellationToken cancellationToken)
    {
        List<TufSigned> signed;
        Freshness freshness;
        using (await LockAsync(cancellationToken))
        {
            if (!IsInitialized)
            {
                return [];
            }

            // What the generation will be once this lock is released; another write after that makes this freshness void.
            var generation = Interlocked.Read(ref _generation) + 1;

            var roles = Roles();
            signed = await RefreshLockedAsync(roles, cancellationToken);
            Logged(signed, "freshness");
            var after = signed.Count == 0 ? roles : Roles();
            var due = after.Where(r => r.RefreshAt is not null).Select(r => r.RefreshAt!.Value).DefaultIfEmpty(DateTimeOffset.MinValue).Min();
            freshness = new Freshness(FileStamp.Of(TimestampPath), due, generation);
        }

        _freshness = freshness;
        return signed;
    }

    /// <summary>
    /// Makes every role fresh, then signs a new timestamp version that lives <paramref name="lifetime"/>
    /// (for a static copy that is re-exported less often than the host re-signs; the host serves it too).
    /// </summary>
    /// <exception cref="UserException">The lifetime is under 5 minutes or longer than the snapshot is sure to live.</exception>
    public async Task<IReadOnlyList<TufSigned>> SignTimestampAsync(TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var o = Lifetimes;
        var longest = o.RefreshWindow(o.SnapshotLifetime);
        if (lifetime < TimeSpan.FromMinutes(5) || lifetime > longest)
        {
            throw new UserException($"a timestamp lifetime of {lifetime} is not between 5 minutes and {longest} (the least a fresh snapshot has left: SnapshotLifetime x RefreshFraction).");
        }

        using (await LockAsync(cancellationToken))
        {
            var signed = await RefreshLockedAsync(Roles(), cancellationToken);
            if (Existing("timestamp.json", TufRoles.Timestamp) is not { } current || current.Expires < time.GetUtcNow() + lifetime)
            {
                signed.Add(SignTimestamp(await File.ReadAllBytesAsync(MetadataPath("snapshot.json"), cancellationToken), lifetime));
            }

            return Logged(signed, "timestamp lifetime " + lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task<List<TufSigned>> RefreshLockedAsync(IReadOnlyList<TufRoleStatus> roles, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var signed = new List<TufSigned>();
        if (roles.Any(r => r.RefreshAt is { } at && at <= now && r.Role == TufRoles.Targets) || !roles.Any(r => r.File == "targets.json"))
        {
            signed.AddRange(await PublishLockedAsync(cancellationToken));
        }
        else if (roles.FirstOrDefault(r => r.File == "snapshot.json") is not { } snapshot || snapshot.RefreshAt <= now)
        {
            var meta = Existing("snapshot.json", TufRoles.Snapshot)?.Signed["meta"]?.DeepClone().AsObject() ?? [];
            var bytes = SignSnapshot(meta, out var doc);
            TufFiles.WriteAtomic(MetadataPath("snapshot.json"), bytes);
            signed.Add(Signed("snapshot.json", doc));
            signed.Add(SignTimestamp(bytes));
        }
        else if (roles.FirstOrDefault(r => r.File == "timestamp.json") is not { } timestamp || timestamp.RefreshAt <= now)
        {
            signed.Add(SignTimestamp(await File.ReadAllBytesAsync(MetadataPath("snapshot.json"), cancellationToken)));
        }

        return signed;
    }

    /// <summary>Each role's current file, version, expiry and when it is signed again: root, targets, the delegated roles the snapshot names, snapshot, timestamp.</summary>
    /// <exception cref="UserException">The feed has no signed metadata yet.</exception>
    public IReadOnlyList<TufRoleStatus> Status() =>
        IsInitialized
            ? Roles()
            : throw new UserException($"the feed has no signing keys yet ({MetadataPath("root.json")}); run 'applayer keys init' or start the host once.");

    /// <summary>Loads each online signing key (targets, snapshot, timestamp) as a signature would, and lets it go.</summary>
    /// <returns>Why the feed cannot sign now (no metadata, a key missing or unreadable), or <c>null</c> when it can.</returns>
    public string? CheckSigningKeys()
    {
        if (!IsInitialized)
        {
            return $"the feed has no signed metadata yet ({MetadataPath("root.json")}).";
        }

        foreach (var role in TufRoles.All.Where(r => r != TufRoles.Root))
        {
            try
            {
                using var key = LoadKey(role);
            }
            catch (Exception ex) when (ex is UserException or IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                return ex is UserException ? ex.Message : $"the {role} signing key ({KeyPath(role)}) cannot be read: {ex.Message}";
            }
        }

        return null;
    }

    /// <summary>A metadata file's bytes and ETag, from memory while the file is unchanged.</summary>
    /// <returns><c>null</c> when there is no such file.</returns>
    public TufServedFile? Serve(string name)
    {
        if (!TufFiles.IsMetadataName(name))
        {
            return null;
        }

        var path = MetadataPath(name);
        return Serve(name, path, FileStamp.Of(path));
    }

    private TufServedFile? Serve(string name, string path, FileStamp? stamp)
    {
        if (stamp is null)
        {
            return null;
        }

        var generation = Interlocked.Read(ref _generation);
        if (_served.TryGetValue(name, out var cached) && cached.Stamp == stamp && cached.Generation == generation)
        {
            return cached.File;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // The stamp read before the bytes: a write in between only makes the next request read again.
        var file = new TufServedFile(bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
        _served[name] = new Cached(stamp.Value, file, generation);
        return file;
    }

    private List<TufRoleStatus> Roles()
    {
        var o = Lifetimes;
        var list = new List<TufRoleStatus>();
        if (Existing("root.json", TufRoles.Root) is { } root)
        {
            list.Add(new TufRoleStatus("root.json", TufRoles.Root, root.Version, root.Expires, null));
        }

        var snapshot = Existing("snapshot.json", TufRoles.Snapshot);
        IEnumerable<string> named = snapshot?.Signed["meta"]?.AsObject().Select(p => p.Key).Where(n => n != "targets.json").Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
        foreach (var name in named.Prepend("targets.json"))
        {
            if (Existing(name, TufRoles.Targets) is { } targets)
            {
                list.Add(new TufRoleStatus(name, TufRoles.Targets, targets.Version, targets.Expires, targets.Expires - o.RefreshWindow(o.TargetsLifetime)));
            }
        }

        if (snapshot is not null)
        {
            list.Add(new TufRoleStatus("snapshot.json", TufRoles.Snapshot, snapshot.Version, snapshot.Expires, snapshot.Expires - o.RefreshWindow(o.SnapshotLifetime)));
        }

        if (Existing("timestamp.json", TufRoles.Timestamp) is { } timestamp)
        {
            list.Add(new TufRoleStatus("timestamp.json", TufRoles.Timestamp, timestamp.Version, timestamp.Expires, timestamp.Expires - o.RefreshWindow(o.TimestampLifetime)));
        }

        return list;
    }

    private async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var data = Path.GetFullPath(options.Value.DataDirectory);
            Directory.CreateDirectory(data);
            var path = Path.Combine(data, "tuf.lock");
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return new Held(this, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException) when (waited.Elapsed < LockWait)
                {
                    // Another process (a CLI verb on the same data folder) is writing metadata.
                    await Task.Delay(50, cancellationToken);
                }
                catch (IOException ex)
                {
                    throw new UserException($"another process has held {path} for {LockWait.TotalSeconds:0} s ({ex.Message}); is a feed export or key rotation stuck?");
                }
            }
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    private async Task<IReadOnlyList<TufSigned>> PublishLockedAsync(CancellationToken cancellationToken)
    {
        if (!IsInitialized)
        {
            return [];
        }

        var previousTargets = Existing("targets.json", TufRoles.Targets);
        var known = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Remember(known, previousTargets);
        var publicTargets = new JsonObject();
        var bespoke = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var package in (await packages.ListWithKitAsync(cancellationToken)).OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => FeedVersions.Parse(p.Version)))
        {
            var role = RoleOf(package);
            if (role is not null && !bespoke.ContainsKey(role))
            {
                bespoke[role] = [];
                Remember(known, Existing(TufDelegations.FileName(role), TufRoles.Targets));
            }

            var path = TargetPath(package);
            (role is null ? publicTargets : bespoke[role])[path] = known.TryGetValue(path, out var same) && same["hashes"]?["sha512"]?.GetValue<string>() == Hex(package.Sha512)
                ? same.DeepClone()
                : await TargetAsync(package, cancellationToken);
        }

        var now = time.GetUtcNow();
        using var targetsKey = LoadKey(TufRoles.Targets);
        var snapshotMeta = new JsonObject();
        var delegated = new List<(string Name, byte[] Bytes)>();
        var signed = new List<TufSigned>();
        foreach (var (role, roleTargets) in bespoke)
        {
            // Delegated roles are signed with the online targets key (see docs/signed-feed.md).
            var name = TufDelegations.FileName(role);
            var doc = TufDocument.Create(TufRoles.Targets, (Existing(name, TufRoles.Targets)?.Version ?? 0) + 1, now + Lifetimes.TargetsLifetime, new JsonObject { ["targets"] = roleTargets }, [targetsKey]);
            delegated.Add((name, doc.ToBytes()));
            signed.Add(Signed(name, doc));
            snapshotMeta[name] = Meta(doc.Version, delegated[^1].Bytes);
        }

        var targetsBody = new JsonObject { ["targets"] = publicTargets };
        if (bespoke.Count > 0)
        {
            targetsBody["delegations"] = TufDelegationSet.ToJson([targetsKey.Public], bespoke.Keys.Select(r => (r, (IReadOnlyList<string>)[TufDelegations.PathPattern(r)])));
        }

        var targetsDoc = TufDocument.Create(TufRoles.Targets, (previousTargets?.Version ?? 0) + 1, now + Lifetimes.TargetsLifetime, targetsBody, [targetsKey]);
        var targetsBytes = targetsDoc.ToBytes();
        snapshotMeta["targets.json"] = Meta(targetsDoc.Version, targetsBytes);
        signed.Insert(0, Signed("targets.json", targetsDoc));

        var snapshotBytes = SignSnapshot(snapshotMeta, out var snapshotDoc);
        signed.Add(Signed("snapshot.json", snapshotDoc));

        foreach (var (name, bytes) in delegated)
        {
            TufFiles.WriteAtomic(MetadataPath(name), bytes);
        }

        // Order matters for a reader in between: targets, then snapshot, then timestamp.
        TufFiles.WriteAtomic(MetadataPath("targets.json"), targetsBytes);
        TufFiles.WriteAtomic(MetadataPath("snapshot.json"), snapshotBytes);
        signed.Add(SignTimestamp(snapshotBytes));
        return signed;
    }

    /// <summary>A new snapshot version over <paramref name="meta"/> (not written).</summary>
    private byte[] SignSnapshot(JsonObject meta, out TufDocument document)
    {
        using var key = LoadKey(TufRoles.Snapshot);
        document = TufDocument.Create(
            TufRoles.Snapshot,
            (Existing("snapshot.json", TufRoles.Snapshot)?.Version ?? 0) + 1,
            time.GetUtcNow() + Lifetimes.SnapshotLifetime,
            new JsonObject { ["meta"] = meta },
            [key]);
        return document.ToBytes();
    }

    /// <summary>Writes a new timestamp version that names <paramref name="snapshotBytes"/>.</summary>
    private TufSigned SignTimestamp(byte[] snapshotBytes, TimeSpan? lifetime = null)
    {
        var snapshot = TufDocument.Parse(snapshotBytes, TufRoles.Snapshot);
        using var key = LoadKey(TufRoles.Timestamp);
        var doc = TufDocument.Create(
            TufRoles.Timestamp,
            (Existing("timestamp.json", TufRoles.Timestamp)?.Version ?? 0) + 1,
            time.GetUtcNow() + (lifetime ?? Lifetimes.TimestampLifetime),
            new JsonObject { ["meta"] = new JsonObject { ["snapshot.json"] = Meta(snapshot.Version, snapshotBytes) } },
            [key]);
        TufFiles.WriteAtomic(TimestampPath, doc.ToBytes());
        return Signed("timestamp.json", doc);
    }

    private IReadOnlyList<TufSigned> Logged(IReadOnlyList<TufSigned> signed, string trigger)
    {
        foreach (var file in signed)
        {
            TufLog.Signed(_log, file.File, file.Role, file.Version, file.Expires, trigger);
        }

        return signed;
    }

    private static TufSigned Signed(string file, TufDocument document) => new(file, document.Type, document.Version, document.Expires);

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

    /// <returns>The package's target path: top-level for legislative and kit packages, under its customer's role for a bespoke one.</returns>
    public static string TargetPath(FeedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return RoleOf(package) is { } role ? TufDelegations.TargetPath(role, package.Id, package.Version) : TufTargetPaths.For(package.Id, package.Version);
    }

    /// <summary>Every target that the signed metadata now on disk names (targets.json and every delegated role), by target path.</summary>
    public IReadOnlyDictionary<string, SignedTarget> SignedTargets()
    {
        var result = new Dictionary<string, SignedTarget>(StringComparer.Ordinal);
        if (!Directory.Exists(MetadataDirectory))
        {
            return result;
        }

        var names = Directory.GetFiles(MetadataDirectory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => n == "targets.json" || TufDelegations.IsRoleName(Path.GetFileNameWithoutExtension(n)));
        foreach (var name in names)
        {
            foreach (var (path, node) in Existing(name, TufRoles.Targets)?.Signed["targets"]?.AsObject() ?? [])
            {
                if (node?["length"]?.GetValue<long>() is { } length && node["hashes"]?["sha512"]?.GetValue<string>() is { } sha512)
                {
                    result[path] = new SignedTarget(path, length, sha512);
                }
            }
        }

        return result;
    }

    // Legislative and kit packages: top-level targets, which every site reads. Bespoke: their customer's delegated role only.
    private static string? RoleOf(FeedPackage package) =>
        !package.Kit && package.Manifest.Customer is { } customer ? TufDelegations.RoleFor(customer) : null;

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

    private sealed record Cached(FileStamp Stamp, TufServedFile File, long Generation);

    /// <summary>When the first role needs signing again, as computed for this state of <c>timestamp.json</c> (every write ends with one).</summary>
    private sealed record Freshness(FileStamp? Timestamp, DateTimeOffset Due, long Generation);

    private sealed class Held(TufRepository repository, FileStream file) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                file.Dispose();
                Interlocked.Increment(ref repository._generation);
                Gate.Release();
            }
        }
    }
}
