namespace AppLayer.Protocol.Packages;

/// <summary>Which of the <see cref="PackageLimits"/> a package breaks (<see cref="Limit"/>, a stable name) and how, in words.</summary>
public sealed record PackageLimitViolation(string Limit, string Reason)
{
    public const string PackageSize = "package-size";
    public const string UncompressedSize = "uncompressed-size";
    public const string Entries = "entries";
    public const string EntrySize = "entry-size";
    public const string CompressionRatio = "compression-ratio";

    /// <summary>One line: the limit by name, then why (e.g. <c>refused by the compression-ratio limit: entry 'x' ...</c>).</summary>
    public string Message => $"refused by the {Limit} limit: {Reason}";
}
