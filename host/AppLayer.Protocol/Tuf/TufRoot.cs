using System.Text.Json.Nodes;

namespace AppLayer.Protocol.Tuf;

/// <summary>A root document's keys and role assignments (key ids and threshold per role).</summary>
public sealed class TufRoot
{
    private TufRoot(TufDocument document, IReadOnlyDictionary<string, TufKey> keys, IReadOnlyDictionary<string, (IReadOnlySet<string> KeyIds, int Threshold)> roles)
    {
        Document = document;
        Keys = keys;
        Roles = roles;
    }

    public TufDocument Document { get; }

    public long Version => Document.Version;

    public IReadOnlyDictionary<string, TufKey> Keys { get; }

    public IReadOnlyDictionary<string, (IReadOnlySet<string> KeyIds, int Threshold)> Roles { get; }

    /// <summary>Builds and signs a root document.</summary>
    public static TufRoot Create(long version, DateTimeOffset expires, IReadOnlyDictionary<string, IReadOnlyList<TufKey>> roleKeys, IEnumerable<TufSigningKey> signers)
    {
        ArgumentNullException.ThrowIfNull(roleKeys);
        var keys = new JsonObject();
        var roles = new JsonObject();
        foreach (var role in TufRoles.All)
        {
            var ids = new JsonArray();
            foreach (var key in roleKeys[role])
            {
                keys[key.KeyId] = key.ToJson();
                ids.Add(key.KeyId);
            }

            roles[role] = new JsonObject { ["keyids"] = ids, ["threshold"] = 1 };
        }

        var body = new JsonObject { ["consistent_snapshot"] = false, ["keys"] = keys, ["roles"] = roles };
        return From(TufDocument.Create(TufRoles.Root, version, expires, body, signers));
    }

    /// <exception cref="TufException">Not a well-formed root.</exception>
    public static TufRoot From(TufDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
            foreach (var (id, node) in document.Signed["keys"]?.AsObject() ?? [])
            {
                var key = TufKey.FromJson(node);
                if (key.KeyId != id)
                {
                    throw new TufException($"root metadata lists key {id} whose content hashes to {key.KeyId}.");
                }

                keys[id] = key;
            }

            var roles = new Dictionary<string, (IReadOnlySet<string>, int)>(StringComparer.Ordinal);
            foreach (var role in TufRoles.All)
            {
                var node = document.Signed["roles"]?[role] ?? throw new TufException($"root metadata has no '{role}' role.");
                var ids = node["keyids"]!.AsArray().Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                var threshold = node["threshold"]!.GetValue<int>();
                if (threshold < 1 || ids.Count < threshold || ids.Any(id => !keys.ContainsKey(id)))
                {
                    throw new TufException($"root metadata's '{role}' role has threshold {threshold} with {ids.Count} known keys.");
                }

                roles[role] = (ids, threshold);
            }

            return new TufRoot(document, keys, roles);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new TufException($"root metadata is malformed: {ex.Message}", ex);
        }
    }

    /// <exception cref="TufException">Fewer than the role's threshold of its keys signed <paramref name="document"/>.</exception>
    public void Verify(string role, TufDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (ids, threshold) = Roles[role];
        var roleKeys = Keys.Where(k => ids.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        var valid = document.ValidSignatures(roleKeys).Count;
        if (valid < threshold)
        {
            throw new TufException($"{document.Type} metadata version {document.Version} has {valid} valid signature(s) by the {role} role's keys of root version {Version}, {threshold} needed; refused.");
        }
    }
}
