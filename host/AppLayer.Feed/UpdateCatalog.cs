using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Installations;
using AppLayer.Core.Releases;
using AppLayer.Protocol.Api;

namespace AppLayer.Feed;

/// <summary>The feed's updates as the API lists them: all of them, or those one installation is entitled to.</summary>
public sealed class UpdateCatalog(IPackageStore packages, IAgreementStore agreements)
{
    /// <returns>Every package in the feed, by id and version.</returns>
    public async Task<IReadOnlyList<AvailableUpdateDto>> ListAllAsync(CancellationToken cancellationToken)
    {
        var all = await packages.ListAsync(cancellationToken);
        return [.. all
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => FeedVersions.Parse(p.Version))
            .Select(p => p.ToDto())];
    }

    /// <returns>The newest version of each update the installation is entitled to, by id.</returns>
    /// <param name="visible">Which packages the installation may see at all (tenancy, unlisting); default: every one.</param>
    public async Task<IReadOnlyList<AvailableUpdateDto>> ForInstallationAsync(Installation installation, CancellationToken cancellationToken, Func<FeedPackage, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var agreement = await agreements.FindCurrentAsync(installation.CustomerId, cancellationToken);
        var all = await packages.ListAsync(cancellationToken);
        return [.. all
            .Where(p => (visible is null || visible(p)) && Entitlement.IsEntitled(agreement, installation, p.Manifest))
            .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.MaxBy(p => FeedVersions.Parse(p.Version))!)
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.ToDto())];
    }
}
