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

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> text = length <= 256 ? stackalloc byte[length] : new byte[length];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text[..Encoding.UTF8.GetBytes(key, text)], hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares the <see cref="Hash"/> of a presented key with a stored hash in constant time (one SHA-256 per request, not two).</summary>
    public static bool HashMatches(string presentedHash, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(presentedHash);
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        return FromHex(presentedHash, presented, out var presentedLength)
            && FromHex(storedHash, stored, out var storedLength)
            && CryptographicOperations.FixedTimeEquals(presented[..presentedLength], stored[..storedLength]);
    }

    /// <summary>Hex of at most one SHA-256 into <paramref name="bytes"/>, without allocating.</summary>
    private static bool FromHex(string hex, Span<byte> bytes, out int written)
    {
        written = 0;
        return hex.Length % 2 == 0 && hex.Length / 2 <= bytes.Length
            && Convert.FromHexString(hex, bytes, out _, out written) == System.Buffers.OperationStatus.Done;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
