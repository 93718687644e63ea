using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AppLayer.Protocol.Tuf;

namespace AppLayer.Site.Tests.Support;

/// <summary>
/// Signed TUF metadata for the stand-in host, made with the same library as the real feed: four
/// keys, every version of every file kept, so tests can serve old, forged or expired ones.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    /// <summary>The time the metadata is signed at: the test sites' clock.</summary>
    public static readonly DateTimeOffset SignedAt = new(2024, 12, 20, 9, 30, 0, TimeSpan.Zero);

    private readonly JsonObject _targets = [];
    private readonly SortedDictionary<string, JsonObject> _delegated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _delegatedVersions = new(StringComparer.Ordinal);
    private long _targetsVersion;
    private long _snapshotVersion;
    private long _timestampVersion;

    public TestRepository()
    {
        RootKey = TufSigningKey.Generate();
        TargetsKey = TufSigningKey.Generate();
        SnapshotKey = TufSigningKey.Generate();
        TimestampKey = TufSigningKey.Generate();
        Root = TufRoot.Create(1, SignedAt.AddDays(365), RoleKeys(), [RootKey]);
        Files["root.json"] = Files["1.root.json"] = Root.Document.ToBytes();
        Publish();
    }

    /// <summary>What <c>/tuf/{name}</c> serves.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Every version made of timestamp, snapshot and targets: <c>History[("timestamp.json", 1)]</c>.</summary>
    public ConcurrentDictionary<(string Name, long Version), byte[]> History { get; } = new();

    public TufRoot Root { get; private set; }

    public TufSigningKey RootKey { get; private set; }

    public TufSigningKey TargetsKey { get; }

    public TufSigningKey SnapshotKey { get; }

    public TufSigningKey TimestampKey { get; private set; }

    public long TimestampVersion => _timestampVersion;

    /// <summary>What signs the delegated roles from the next <see cref="Publish"/> on (default: the targets key, as the host does).</summary>
    public TufSigningKey? DelegatedSigner { get; set; }

    /// <summary>The expiry of the delegated roles signed from the next <see cref="Publish"/> on.</summary>
    public DateTimeOffset DelegatedExpires { get; set; } = SignedAt.AddDays(90);

    /// <summary>Signs the package in the top-level targets, or, for a bespoke one, in its customer's delegated role.</summary>
    public void AddTarget(string id, string version, byte[] bytes, string? customer = null)
    {
        var lowerId = id.ToLowerInvariant();
        var lowerVersion = NuGet.Versioning.NuGetVersion.Parse(version).ToNormalizedString().ToLowerInvariant();
        var role = customer is null ? null : TufDelegations.RoleFor(customer);
        var targets = role is null ? _targets : _delegated.TryGetValue(role, out var existing) ? existing : _delegated[role] = [];
        targets[role is null ? $"{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg" : TufDelegations.TargetPath(role, lowerId, lowerVersion)] = new JsonObject
        {
            ["length"] = bytes.Length,
            ["hashes"] = new JsonObject
            {
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                ["sha512"] = Convert.ToHexStringLower(SHA512.HashData(bytes)),
            },
        };
        Publish();
    }

    /// <summary>Signs new targets, snapshot and timestamp versions and serves them.</summary>
    public void Publish()
    {
        var meta = new JsonObject();
        foreach (var (role, roleTargets) in _delegated)
        {
            var name = TufDelegations.FileName(role);
            _delegatedVersions[role] = _delegatedVersions.GetValueOrDefault(role) + 1;
            var doc = TufDocument.Create(TufRoles.Targets, _delegatedVersions[role], DelegatedExpires, new JsonObject { ["targets"] = roleTargets.DeepClone() }, [DelegatedSigner ?? TargetsKey]);
            Serve(name, doc);
            meta[name] = MetaEntry(doc);
        }

        var body = new JsonObject { ["targets"] = _targets.DeepClone() };
        if (_delegated.Count > 0)
        {
            body["delegations"] = TufDelegationSet.ToJson([TargetsKey.Public], _delegated.Keys.Select(r => (r, (IReadOnlyList<string>)[TufDelegations.PathPattern(r)])));
        }

        var targets = TufDocument.Create(TufRoles.Targets, ++_targetsVersion, SignedAt.AddDays(90), body, [TargetsKey]);
        Serve("targets.json", targets);
        meta["targets.json"] = MetaEntry(targets);
        var snapshot = TufDocument.Create(TufRoles.Snapshot, ++_snapshotVersion, SignedAt.AddDays(7), new JsonObject { ["meta"] = meta }, [SnapshotKey]);
        Serve("snapshot.json", snapshot);
        Serve("timestamp.json", Timestamp(++_timestampVersion, SignedAt.AddDays(1), TimestampKey, snapshot));
    }

    /// <summary>A timestamp for the current snapshot, signed as the caller says.</summary>
    public TufDocument Timestamp(long version, DateTimeOffset expires, TufSigningKey key, TufDocument? snapshot = null) =>
        TufDocument.Create(
            TufRoles.Timestamp,
            version,
            expires,
            Meta("snapshot.json", snapshot ?? TufDocument.Parse(Files["snapshot.json"], TufRoles.Snapshot)),
            [key]);

    /// <summary>Serves the first versions of timestamp, snapshot and targets again (all validly signed).</summary>
    public void ServeVersion(long version)
    {
        foreach (var name in new[] { "timestamp.json", "snapshot.json", "targets.json" })
        {
            Files[name] = History[(name, version)];
        }
    }

    /// <summary>Root version N+1 with a new root and timestamp key, signed by <paramref name="signers"/> (default: old and new root key).</summary>
    public void RotateRoot(Func<TufSigningKey, TufSigningKey, IEnumerable<TufSigningKey>>? signers = null)
    {
        var newRoot = TufSigningKey.Generate();
        var newTimestamp = TufSigningKey.Generate();
        var oldRoot = RootKey;
        RootKey = newRoot;
        TimestampKey = newTimestamp;
        var next = TufRoot.Create(Root.Version + 1, SignedAt.AddDays(365), RoleKeys(), signers?.Invoke(oldRoot, newRoot) ?? [oldRoot, newRoot]);
        Files[$"{next.Version}.root.json"] = Files["root.json"] = next.Document.ToBytes();
        Root = next;
        Serve("timestamp.json", Timestamp(++_timestampVersion, SignedAt.AddDays(1), TimestampKey));
    }

    public void Dispose()
    {
        RootKey.Dispose();
        TargetsKey.Dispose();
        SnapshotKey.Dispose();
        TimestampKey.Dispose();
    }

    private static JsonObject MetaEntry(TufDocument document)
    {
        var bytes = document.ToBytes();
        return new JsonObject
        {
            ["version"] = document.Version,
            ["length"] = bytes.Length,
            ["hashes"] = new JsonObject { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
        };
    }

    private static JsonObject Meta(string name, TufDocument document)
    {
        var bytes = document.ToBytes();
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                [name] = new JsonObject
                {
                    ["version"] = document.Version,
                    ["length"] = bytes.Length,
                    ["hashes"] = new JsonObject { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
                },
            },
        };
    }

    private Dictionary<string, IReadOnlyList<TufKey>> RoleKeys() => new()
    {
        [TufRoles.Root] = [RootKey.Public],
        [TufRoles.Targets] = [TargetsKey.Public],
        [TufRoles.Snapshot] = [SnapshotKey.Public],
        [TufRoles.Timestamp] = [TimestampKey.Public],
    };

    private void Serve(string name, TufDocument document)
    {
        var bytes = document.ToBytes();
        History[(name, document.Version)] = bytes;
        Files[name] = bytes;
    }
}
