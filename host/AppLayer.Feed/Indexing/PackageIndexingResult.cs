namespace AppLayer.Feed.Indexing;

/// <summary>What became of a pushed package; the host maps each to one HTTP status.</summary>
public enum PackageIndexingResult
{
    Success,
    AlreadyExists,
    Invalid,
}
