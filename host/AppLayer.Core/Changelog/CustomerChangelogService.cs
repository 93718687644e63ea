using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Changelog;

/// <summary>Builds a customer's changelog from the releases and what its installations reported as applied.</summary>
public sealed class CustomerChangelogService(
    ICustomerStore customers,
    IInstallationStore installations,
    IDeploymentStore deployments,
    IReleaseStore releases,
    IPackageStore packages)
{
    /// <exception cref="NotFoundException">Unknown customer.</exception>
    public async Task<CustomerChangelog> BuildAsync(string code, CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(code, cancellationToken)
            ?? throw new NotFoundException($"Customer '{code}' does not exist.");
        var applied = await AppliedAsync(customer, cancellationToken);

        var inReleases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<CustomerRelease>();
        foreach (var release in (await releases.ListAsync(cancellationToken)).Reverse())
        {
            inReleases.UnionWith(release.Packages);
            var updates = release.Packages.Where(applied.ContainsKey).Select(p => applied[p]).ToList();
            if (updates.Count > 0)
            {
                result.Add(new CustomerRelease(release.Name, release.CreatedAt, updates));
            }
        }

        var bespoke = applied.Where(a => !inReleases.Contains(a.Key)).Select(a => a.Value)
            .OrderBy(u => u.AppliedAt.Min(a => a.At))
            .ToList();
        return new CustomerChangelog(customer, result, bespoke);
    }

    /// <returns>Each package (<c>Id@Version</c>) applied at one of the customer's installations.</returns>
    private async Task<Dictionary<string, AppliedUpdate>> AppliedAsync(Customer customer, CancellationToken cancellationToken)
    {
        var where = new Dictionary<string, List<AppliedAt>>(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, FeedPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (var installation in await installations.ListByCustomerAsync(customer.Id, cancellationToken))
        {
            var firstApplied = (await deployments.ListByInstallationAsync(installation.Id, cancellationToken))
                .Where(d => d.Status == DeploymentStatus.Applied)
                .GroupBy(d => (d.PackageId.ToUpperInvariant(), d.Version.ToUpperInvariant()))
                .Select(g => g.OrderBy(d => d.At).First());
            foreach (var deployment in firstApplied)
            {
                if (await packages.FindAsync(deployment.PackageId, deployment.Version, cancellationToken) is not { } package)
                {
                    continue;
                }

                var reference = package.Reference();
                found[reference] = package;
                if (!where.TryGetValue(reference, out var list))
                {
                    where[reference] = list = [];
                }

                list.Add(new AppliedAt(installation.Code, deployment.At));
            }
        }

        return found.ToDictionary(
            p => p.Key,
            p => new AppliedUpdate(
                p.Value.Id,
                p.Value.Version,
                p.Value.Manifest.Title,
                p.Value.Manifest.Kind.ToString(),
                p.Value.Manifest.LegalReferences,
                p.Value.Manifest.EffectiveDate,
                [.. where[p.Key].OrderBy(a => a.At)]),
            StringComparer.OrdinalIgnoreCase);
    }
}
