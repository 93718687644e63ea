namespace AppLayer.Site.Trust;

/// <summary>
/// Where <see cref="TufUpdater"/> reads the feed's metadata files from: the host over HTTP
/// (<see cref="MetadataClient"/>) or an offline bundle (<see cref="Bundles.BundleMetadataSource"/>).
/// The verification is the same for both; only the bytes' way in differs.
/// </summary>
internal interface IMetadataSource
{
    /// <summary>Reads one metadata file (<c>timestamp.json</c>, <c>2.root.json</c>, ...), never more than <paramref name="maxBytes"/>.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="maxBytes">Longer is refused, not read on.</param>
    /// <param name="ifNoneMatch">The ETag of the trusted copy; a source may answer "not modified".</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="Protocol.Tuf.TufException">Too large, too slow, or unreadable.</exception>
    Task<Fetched> FetchAsync(string name, long maxBytes, string? ifNoneMatch, CancellationToken cancellationToken);
}
