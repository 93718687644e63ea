namespace AppLayer.Protocol.Tuf;

/// <summary>The four top-level TUF roles and the metadata conventions this feed follows.</summary>
public static class TufRoles
{
    public const string Root = "root";
    public const string Targets = "targets";
    public const string Snapshot = "snapshot";
    public const string Timestamp = "timestamp";

    /// <summary>The TUF specification version written into every document.</summary>
    public const string SpecVersion = "1.0.31";

    public static IReadOnlyList<string> All { get; } = [Root, Targets, Snapshot, Timestamp];

    public static bool IsRole(string? name) => name is Root or Targets or Snapshot or Timestamp;
}
