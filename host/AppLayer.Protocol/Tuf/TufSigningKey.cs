using System.Security.Cryptography;

namespace AppLayer.Protocol.Tuf;

/// <summary>A private ECDSA P-256 key that signs metadata; kept as PKCS#8 PEM in a key file.</summary>
public sealed class TufSigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    private TufSigningKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        Public = TufKey.FromPublicPem(ecdsa.ExportSubjectPublicKeyInfoPem());
    }

    public TufKey Public { get; }

    public string KeyId => Public.KeyId;

    public static TufSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <exception cref="TufException">Not a P-256 private key.</exception>
    public static TufSigningKey FromPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            if (ecdsa.KeySize != 256)
            {
                throw new TufException("the signing key is not an ECDSA P-256 key.");
            }

            return new TufSigningKey(ecdsa);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
            throw new TufException($"the signing key is not a readable ECDSA P-256 private key: {ex.Message}", ex);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    public string ToPem() => _ecdsa.ExportPkcs8PrivateKeyPem() + "\n";

    /// <returns>The DER-encoded signature of SHA-256(<paramref name="data"/>), lower-case hex.</returns>
    public string Sign(byte[] data) =>
        Convert.ToHexStringLower(_ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public void Dispose() => _ecdsa.Dispose();

    public override string ToString() => KeyId;
}
