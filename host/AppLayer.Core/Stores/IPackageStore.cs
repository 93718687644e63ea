using AppLayer.Core.Model;

namespace AppLayer.Core.Stores;

/// <summary>
/// The feed's package rows. Versions are passed normalised (NuGet rules); ids and versions
/// compare case-insensitively.
/// </summary>
public interface IPackageStore
{
    /// <returns><c>false</c> when the id and version exist already.</returns>
    Task<bool> AddAsync(FeedPackage package, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string id, string version, CancellationToken cancellationToken);

    Task<FeedPackage?> FindAsync(string id, string version, CancellationToken cancellationToken);

    /// <returns>The versions of one package id, or none.</returns>
    Task<IReadOnlyList<string>> ListVersionsAsync(string id, CancellationToken cancellationToken);

    /// <returns>Every package in the feed, by id, then publication.</returns>
    Task<IReadOnlyList<FeedPackage>> ListAsync(CancellationToken cancellationToken);
}
