using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AppLayer.Protocol.Tuf;

/// <summary>
/// A public <c>ecdsa</c> / <c>ecdsa-sha2-nistp256</c> key as TUF metadata carries it: the
/// SubjectPublicKeyInfo PEM in <c>keyval.public</c>; its key id is the SHA-256 (hex) of the
/// key's canonical JSON.
/// </summary>
public sealed class TufKey
{
    public const string KeyType = "ecdsa";
    public const string Scheme = "ecdsa-sha2-nistp256";

    private TufKey(string publicPem)
    {
        PublicPem = publicPem;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Encode(ToJson())));
    }

    public string PublicPem { get; }

    public string KeyId { get; }

    public static TufKey FromPublicPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return new TufKey(pem.EndsWith('\n') ? pem : pem + "\n");
    }

    /// <exception cref="TufException">Not an ecdsa-sha2-nistp256 key.</exception>
    public static TufKey FromJson(JsonNode? node)
    {
        var keyType = node?["keytype"]?.GetValue<string>();
        var scheme = node?["scheme"]?.GetValue<string>();
        var pem = node?["keyval"]?["public"]?.GetValue<string>();
        if (keyType != KeyType || scheme != Scheme || string.IsNullOrEmpty(pem))
        {
            throw new TufException($"a metadata key is not an {KeyType}/{Scheme} key with a public PEM.");
        }

        return new TufKey(pem);
    }

    public JsonObject ToJson() => new()
    {
        ["keytype"] = KeyType,
        ["keyval"] = new JsonObject { ["public"] = PublicPem },
        ["scheme"] = Scheme,
    };

    /// <summary>Checks a DER-encoded ECDSA P-256/SHA-256 signature (hex) over <paramref name="data"/>.</summary>
    public bool Verify(byte[] data, string signatureHex)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(PublicPem);
            return ecdsa.KeySize == 256 && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public override string ToString() => KeyId;
}
