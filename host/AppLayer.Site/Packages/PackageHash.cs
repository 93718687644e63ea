using System.Security.Cryptography;

namespace AppLayer.Site.Packages;

/// <summary>SHA-512 of a package file, base64 as the host lists it.</summary>
internal static class PackageHash
{
    public static async Task<string> ComputeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Convert.ToBase64String(await SHA512.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>Refuses a file whose length or hash differs from what was listed.</summary>
    /// <exception cref="PackageIntegrityException">They differ.</exception>
    public static async Task VerifyAsync(string path, string what, long expectedSize, string expectedSha512, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        if (size != expectedSize)
        {
            throw new PackageIntegrityException($"{what} is {size} bytes but the host listed {expectedSize}; refused.");
        }

        var actual = await ComputeAsync(path, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(actual), Decode(expectedSha512)))
        {
            throw new PackageIntegrityException($"{what} has SHA-512 {actual} but the host listed {expectedSha512}; refused.");
        }
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new PackageIntegrityException($"the listed SHA-512 '{base64}' is not base64.", ex);
        }
    }
}
