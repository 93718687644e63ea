namespace AppLayer.Protocol.Packages;

/// <summary>One zip entry as the archive's central directory declares it: name, unpacked and packed length.</summary>
public sealed record PackageEntrySize(string Name, long Length, long CompressedLength);
