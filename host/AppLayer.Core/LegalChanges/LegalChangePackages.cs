using AppLayer.Core.Releases;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Which update packages serve a legal change: those whose manifest names one of its legal
/// references, and those linked explicitly. Many-to-many: a package may serve several changes.
/// </summary>
public static class LegalChangePackages
{
    public const string ByManifest = "manifest";
    public const string Explicit = "explicit";

    public static IReadOnlyList<LinkedPackageDto> For(LegalChange change, IEnumerable<FeedPackage> packages, IEnumerable<LegalChangePackageLink> links)
    {
        var result = new List<LinkedPackageDto>();
        foreach (var link in links.Where(l => l.LegalChangeId == change.Id))
        {
            if (!result.Any(r => r.Id.Equals(link.PackageId, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(new LinkedPackageDto(link.PackageId, Explicit));
            }
        }

        foreach (var package in packages.Where(p => LegalReferences.Overlap(change.References, p.Manifest.LegalReferences)))
        {
            if (!result.Any(r => r.Id.Equals(package.Id, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(new LinkedPackageDto(package.Id, ByManifest));
            }
        }

        return [.. result.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)];
    }
}
