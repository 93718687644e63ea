
namespace AppLayer.Core.Releases;

/// <summary>
/// The feed's package rows. Versions are passed normalised (NuGet rules); ids and versions
/// compare case-insensitively.
/// </summary>
public interface IPackageStore
{
    /// <returns><c>false</c> when the id and version exist already.</returns>
    Task<bool> AddAsync(FeedPackage package, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string id, string version, CancellationToken cancellationToken);

    /// <returns>The update package, or <c>null</c> (none, or a kit package).</returns>
    Task<FeedPackage?> FindAsync(string id, string version, CancellationToken cancellationToken);

    /// <returns>The versions of one package id, or none.</returns>
    Task<IReadOnlyList<string>> ListVersionsAsync(string id, CancellationToken cancellationToken);

    /// <returns>Every update package in the feed (kit packages left out), by id, then publication.</returns>
    Task<IReadOnlyList<FeedPackage>> ListAsync(CancellationToken cancellationToken);

    /// <returns>Every package in the feed, kit packages included, by id, then publication: for the NuGet protocol and the signed targets.</returns>
    Task<IReadOnlyList<FeedPackage>> ListWithKitAsync(CancellationToken cancellationToken);
}
