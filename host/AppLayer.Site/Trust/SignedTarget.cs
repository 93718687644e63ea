namespace AppLayer.Site.Trust;

/// <summary>A package as the verified targets metadata describes it: length and SHA-512 (base64, as the site API lists it).</summary>
internal sealed record SignedTarget(long Length, string Sha512);
