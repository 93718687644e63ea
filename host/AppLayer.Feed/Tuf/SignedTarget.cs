namespace AppLayer.Feed.Tuf;

/// <summary>What the signed targets (top-level or a customer's delegated role) say of one package file.</summary>
public sealed record SignedTarget(string Path, long Length, string Sha512Hex);
