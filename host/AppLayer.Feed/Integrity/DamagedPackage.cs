namespace AppLayer.Feed.Integrity;

/// <summary>A stored package whose bytes are not what the feed signed: never served or exported until it is put right.</summary>
/// <param name="Reason">Why, in a user's words (other bytes, another length, missing, a row that disagrees with the signed targets).</param>
public sealed record DamagedPackage(string Id, string Version, string Reason, DateTimeOffset FoundAt)
{
    public override string ToString() => $"{Id} {Version}: {Reason}";
}
