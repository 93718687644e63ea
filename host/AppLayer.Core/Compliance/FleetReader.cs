using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;

namespace AppLayer.Core.Compliance;

/// <summary>Reads the <see cref="Fleet"/> snapshot the radar works on from the stores: six queries, however large the fleet.</summary>
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
        return new Fleet(
            await customers.ListAsync(cancellationToken),
            await agreements.ListCurrentAsync(cancellationToken),
            await installations.ListAsync(cancellationToken),
            await packages.ListAsync(cancellationToken),
            await deployments.ListAllAsync(cancellationToken),
            await changes.ListLinksAsync(cancellationToken));
    }
}
