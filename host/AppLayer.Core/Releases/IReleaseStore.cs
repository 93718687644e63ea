
namespace AppLayer.Core.Releases;

public interface IReleaseStore
{
    /// <param name="release">The release; its <see cref="Release.Packages"/> are <c>Id@Version</c> of packages in the feed.</param>
    /// <returns>The stored release, or <c>null</c> when its name exists already.</returns>
    Task<Release?> AddAsync(Release release, CancellationToken cancellationToken);

    /// <returns>Every release, oldest first.</returns>
    Task<IReadOnlyList<Release>> ListAsync(CancellationToken cancellationToken);
}
