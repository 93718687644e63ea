using System.Text.Json.Nodes;

namespace AppLayer.Protocol.Tuf;

/// <summary>A targets document's <c>delegations</c>: the keys and the delegated roles, in order.</summary>
public sealed class TufDelegationSet
{
    private TufDelegationSet(IReadOnlyDictionary<string, TufKey> keys, IReadOnlyList<TufDelegation> roles)
    {
        Keys = keys;
        Roles = roles;
    }

    public IReadOnlyDictionary<string, TufKey> Keys { get; }

    public IReadOnlyList<TufDelegation> Roles { get; }

    /// <summary>The <c>delegations</c> object for a targets document.</summary>
    public static JsonObject ToJson(IReadOnlyList<TufKey> keys, IEnumerable<(string Role, IReadOnlyList<string> Paths)> roles)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(roles);
        var keyObject = new JsonObject();
        foreach (var key in keys)
        {
            keyObject[key.KeyId] = key.ToJson();
        }

        var roleArray = new JsonArray();
        foreach (var (role, paths) in roles)
        {
            roleArray.Add(new JsonObject
            {
                ["name"] = role,
                ["keyids"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k.KeyId))]),
                ["threshold"] = 1,
                ["terminating"] = true,
                ["paths"] = new JsonArray([.. paths.Select(p => (JsonNode)JsonValue.Create(p))]),
            });
        }

        return new JsonObject { ["keys"] = keyObject, ["roles"] = roleArray };
    }

    /// <exception cref="TufException">The delegations are malformed.</exception>
    public static TufDelegationSet From(TufDocument targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var node = targets.Signed["delegations"];
        if (node is null)
        {
            return new TufDelegationSet(new Dictionary<string, TufKey>(), []);
        }

        try
        {
            var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
            foreach (var (id, keyNode) in node["keys"]?.AsObject() ?? [])
            {
                var key = TufKey.FromJson(keyNode);
                if (key.KeyId != id)
                {
                    throw new TufException($"{targets.Type} metadata delegates to key {id} whose content hashes to {key.KeyId}.");
                }

                keys[id] = key;
            }

            var roles = new List<TufDelegation>();
            foreach (var role in node["roles"]!.AsArray())
            {
                var name = role!["name"]!.GetValue<string>();
                var ids = role["keyids"]!.AsArray().Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                var threshold = role["threshold"]!.GetValue<int>();
                if (!TufDelegations.IsRoleName(name) || threshold < 1 || ids.Count < threshold || ids.Any(id => !keys.ContainsKey(id)))
                {
                    throw new TufException($"{targets.Type} metadata delegates role '{name}' with threshold {threshold} and {ids.Count} known keys; refused.");
                }

                var paths = role["paths"]?.AsArray().Select(p => p!.GetValue<string>()).ToList()
                    ?? throw new TufException($"{targets.Type} metadata delegates role '{name}' without paths; refused.");
                roles.Add(new TufDelegation(name, ids, threshold, role["terminating"]?.GetValue<bool>() ?? false, paths));
            }

            return new TufDelegationSet(keys, roles);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new TufException($"{targets.Type} metadata has malformed delegations: {ex.Message}", ex);
        }
    }

    /// <exception cref="TufException">Fewer than the delegation's threshold of its keys signed <paramref name="document"/>.</exception>
    public void Verify(TufDelegation role, TufDocument document)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(document);
        var roleKeys = Keys.Where(k => role.KeyIds.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        var valid = document.ValidSignatures(roleKeys).Count;
        if (valid < role.Threshold)
        {
            throw new TufException($"delegated targets metadata {role.Name} version {document.Version} has {valid} valid signature(s) by the keys the top-level targets delegate to, {role.Threshold} needed; refused.");
        }
    }
}
