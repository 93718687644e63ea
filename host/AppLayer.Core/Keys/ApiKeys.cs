using System.Security.Cryptography;
using System.Text;

namespace AppLayer.Core.Keys;

/// <summary>The format of API keys: <c>al_</c> + base64url of 32 random bytes, stored as SHA-256 hex.</summary>
public static class ApiKeys
{
    public const string Prefix = "al_";

    /// <summary>Length of a key: the prefix and 43 base64url characters.</summary>
    public const int Length = 46;

    public static string Generate()
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        return Prefix + Base64Url(secret);
    }

    /// <summary>Whether the text has the shape of a key (it may still be unknown).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length }
        && key.StartsWith(Prefix, StringComparison.Ordinal)
        && key.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares the <see cref="Hash"/> of a presented key with a stored hash in constant time (one SHA-256 per request, not two).</summary>
    public static bool HashMatches(string presentedHash, string storedHash)
    {
        byte[] presented;
        byte[] stored;
        try
        {
            presented = Convert.FromHexString(presentedHash);
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
