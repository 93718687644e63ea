using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AppLayer.Protocol.Tuf;

/// <summary>
/// One signed metadata file, <c>{"signatures": [{"keyid", "sig"}], "signed": {"_type", "spec_version",
/// "version", "expires", ...}}</c>: parsed and checked for shape, not yet for signatures.
/// </summary>
public sealed class TufDocument
{
    private const string ExpiresFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly JsonSerializerOptions FileJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private TufDocument(JsonObject envelope, JsonObject signed, string type, long version, DateTimeOffset expires)
    {
        Envelope = envelope;
        Signed = signed;
        Type = type;
        Version = version;
        Expires = expires;
    }

    public JsonObject Envelope { get; }

    public JsonObject Signed { get; }

    public string Type { get; }

    public long Version { get; }

    public DateTimeOffset Expires { get; }

    /// <summary>The bytes each signature covers: the canonical JSON of <c>signed</c>.</summary>
    public byte[] SignedBytes => CanonicalJson.Encode(Signed);

    /// <summary>Builds and signs a document; <paramref name="body"/> holds the role's own fields.</summary>
    public static TufDocument Create(string type, long version, DateTimeOffset expires, JsonObject body, IEnumerable<TufSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(keys);
        body["_type"] = type;
        body["spec_version"] = TufRoles.SpecVersion;
        body["version"] = version;
        body["expires"] = FormatExpires(expires);
        var bytes = CanonicalJson.Encode(body);
        var signatures = new JsonArray();
        foreach (var key in keys.DistinctBy(k => k.KeyId))
        {
            signatures.Add(new JsonObject { ["keyid"] = key.KeyId, ["sig"] = key.Sign(bytes) });
        }

        return Parse(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["signatures"] = signatures, ["signed"] = body }, FileJson), type);
    }

    /// <exception cref="TufException">Not JSON, not a TUF document of this type, or a field is missing.</exception>
    public static TufDocument Parse(byte[] bytes, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(bytes) as JsonObject ?? throw new TufException($"{expectedType} metadata is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new TufException($"{expectedType} metadata is not JSON: {ex.Message}", ex);
        }

        try
        {
            if (envelope["signed"] is not JsonObject signed || envelope["signatures"] is not JsonArray)
            {
                throw new TufException($"{expectedType} metadata has no 'signed' object and 'signatures' list.");
            }

            var type = signed["_type"]?.GetValue<string>();
            if (type != expectedType)
            {
                throw new TufException($"expected {expectedType} metadata but got _type '{type}'.");
            }

            var spec = signed["spec_version"]?.GetValue<string>() ?? string.Empty;
            if (!spec.StartsWith("1.", StringComparison.Ordinal))
            {
                throw new TufException($"{expectedType} metadata has spec_version '{spec}'; only 1.x is understood.");
            }

            var version = signed["version"]?.GetValue<long>() ?? 0;
            if (version < 1)
            {
                throw new TufException($"{expectedType} metadata has no positive version.");
            }

            var expiresText = signed["expires"]?.GetValue<string>();
            if (!DateTimeOffset.TryParseExact(expiresText, ExpiresFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            {
                throw new TufException($"{expectedType} metadata has expires '{expiresText}', not YYYY-MM-DDTHH:MM:SSZ.");
            }

            return new TufDocument(envelope, signed, type, version, expires);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new TufException($"{expectedType} metadata has a field of the wrong type: {ex.Message}", ex);
        }
    }

    public static string FormatExpires(DateTimeOffset at) =>
        at.ToUniversalTime().ToString(ExpiresFormat, CultureInfo.InvariantCulture);

    /// <summary>The file's bytes: plain JSON (canonical JSON is only what signatures cover; it is not always valid JSON).</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(Envelope, FileJson);

    /// <summary>Key ids whose signature over <c>signed</c> is valid, among <paramref name="keys"/>.</summary>
    public IReadOnlySet<string> ValidSignatures(IReadOnlyDictionary<string, TufKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var bytes = SignedBytes;
        var valid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Envelope["signatures"]!.AsArray())
        {
            var keyId = node?["keyid"]?.GetValue<string>();
            var sig = node?["sig"]?.GetValue<string>();
            if (keyId is not null && sig is not null && keys.TryGetValue(keyId, out var key) && key.Verify(bytes, sig))
            {
                valid.Add(keyId);
            }
        }

        return valid;
    }

    /// <exception cref="TufException">The document has expired at <paramref name="now"/>.</exception>
    public void EnsureNotExpired(DateTimeOffset now)
    {
        if (Expires <= now)
        {
            throw new TufException($"{Type} metadata version {Version} expired at {FormatExpires(Expires)} (now {FormatExpires(now)}); refusing it (freeze attack or a host that stopped signing).");
        }
    }
}
