namespace AppLayer.Feed.Indexing;

/// <summary>Checks a pushed package and adds it to the feed: its file and its row, both or neither.</summary>
public interface IPackageIndexer
{
    Task<PackageIndexingOutcome> IndexAsync(Stream package, CancellationToken cancellationToken);
}
