using AppLayer.Core.Stores;

namespace AppLayer.Core.Compliance;

/// <summary>Reads the <see cref="Fleet"/> snapshot the radar works on from the stores.</summary>
public sealed class FleetReader(
    ICustomerStore customers,
    IAgreementStore agreements,
    IInstallationStore installations,
    IPackageStore packages,
    IDeploymentStore deployments,
    ILegalChangeStore changes)
{
    public async Task<Fleet> ReadAsync(CancellationToken cancellationToken)
    {
        var sites = await installations.ListAsync(cancellationToken);
        var applied = new List<Model.Deployment>();
        foreach (var site in sites)
        {
            applied.AddRange(await deployments.ListByInstallationAsync(site.Id, cancellationToken));
        }

        return new Fleet(
            await customers.ListAsync(cancellationToken),
            await agreements.ListCurrentAsync(cancellationToken),
            sites,
            await packages.ListAsync(cancellationToken),
            applied,
            await changes.ListLinksAsync(cancellationToken));
    }
}
