using AppLayer.Core;
using AppLayer.Core.Common;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Feed.Releases;

/// <summary>Releases: immutable, named sets of packages from the feed, with rendered notes.</summary>
public sealed class ReleaseService(IReleaseStore releases, IPackageStore packages, TimeProvider time)
{
    public async Task<ReleaseDto> CreateAsync(CreateReleaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Require.Text(request.Name, "Release name", 100);
        if (request.Packages is not { Count: > 0 })
        {
            throw new UserException("A release needs at least one package, as Id@Version.");
        }

        var members = new List<FeedPackage>();
        foreach (var reference in request.Packages)
        {
            var package = await FindAsync(reference, cancellationToken);
            if (!members.Any(m => m.Reference().Equals(package.Reference(), StringComparison.OrdinalIgnoreCase)))
            {
                members.Add(package);
            }
        }

        var release = new Release(0, name, [.. members.Select(m => m.Reference())], ReleaseNotes.Render(name, members), time.GetUtcNow());
        var stored = await releases.AddAsync(release, cancellationToken)
            ?? throw new ConflictException($"Release '{name}' exists already; releases are immutable.");
        return stored.ToDto();
    }

    public async Task<IReadOnlyList<ReleaseDto>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await releases.ListAsync(cancellationToken)).Select(r => r.ToDto())];

    private async Task<FeedPackage> FindAsync(string? reference, CancellationToken cancellationToken)
    {
        var parts = (reference ?? string.Empty).Trim().Split('@');
        if (parts.Length != 2 || parts[0].Length == 0 || FeedVersions.Normalize(parts[1]) is not { } version)
        {
            throw new UserException($"'{reference}' is not a package as Id@Version.");
        }

        return await packages.FindAsync(parts[0], version, cancellationToken)
            ?? throw new UserException($"Package {parts[0]}@{version} is not in the feed.");
    }
}
