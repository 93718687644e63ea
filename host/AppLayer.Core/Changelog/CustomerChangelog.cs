using AppLayer.Core.Customers;
using AppLayer.Core.Releases;

namespace AppLayer.Core.Changelog;

/// <summary>
/// Release notes filtered to what one customer's installations actually applied, newest release first;
/// <see cref="Bespoke"/> holds applied updates that are in no release (bespoke work, data fixes).
/// </summary>
public sealed record CustomerChangelog(Customer Customer, IReadOnlyList<CustomerRelease> Releases, IReadOnlyList<AppliedUpdate> Bespoke);
