using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;

namespace AppLayer.Core.Compliance;

/// <summary>Everything the radar looks at, read once: who is entitled to what, what is in the feed, what was applied where.</summary>
public sealed record Fleet(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<Installation> Installations,
    IReadOnlyList<FeedPackage> Packages,
    IReadOnlyList<Deployment> Deployments,
    IReadOnlyList<LegalChangePackageLink> Links);
