using System.Security.Claims;
using AppLayer.Feed;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Tuf;
using AppLayer.Host.Auth;
using AppLayer.Host.Http;
using AppLayer.Protocol.Tuf;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The feed's TUF metadata at <c>/tuf/{root,N.root,targets,snapshot,timestamp}.json</c> (any key) and
/// the delegated <c>/tuf/customer-{code}.json</c> (publish and manager keys, and the site keys of that
/// customer; other site keys get 404), with ETags so an unchanged poll of <c>timestamp.json</c> is a
/// 304. The bytes and ETags come from memory until a file changes; a role whose time has come is
/// signed again before it is served (see <see cref="TufRefreshService"/> for the background check). Target paths are relative to the flat container, <c>/v3/flatcontainer/</c>; a bespoke
/// package's target path <c>customer-{code}/{id}/{version}/{file}</c> is served there too.
/// </summary>
internal static class TufEndpoints
{
    public static IEndpointRouteBuilder MapTufEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tuf/{name}", ServeAsync).RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);

        app.MapGet("/v3/flatcontainer/{role}/{id}/{version}/{file}", BespokeTargetAsync)
            .RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);
        return app;
    }

    /// <summary>Fresh metadata from memory (<see cref="FeedReads.MetadataAsync"/>); the caller is resolved only for a delegated role's file.</summary>
    private static async Task<IResult> ServeAsync(string name, ClaimsPrincipal user, SiteService sites, FeedReads reads, CancellationToken cancellationToken)
    {
        var caller = FeedReads.IsRoleFile(name) ? await FeedCallers.ResolveAsync(user, sites, cancellationToken) : null;
        return await reads.MetadataAsync(name, caller, cancellationToken)
            ?? Problems.NotFound($"{name} is not a metadata file of this feed.");
    }

    private static async Task<IResult> BespokeTargetAsync(string role, string id, string version, string file, ClaimsPrincipal user, SiteService sites, FeedQuery query, PackageFiles files, PackageIntegrity integrity, ILogger<PackageIntegrity> refusals, CancellationToken cancellationToken)
    {
        var normalized = FeedVersions.Normalize(version);
        var package = normalized is null || !TufDelegations.IsRoleName(role) || !NuGet.Packaging.PackageIdValidator.IsValidPackageId(id)
            ? null
            : await query.FindAsync(id, normalized, await FeedCallers.ResolveAsync(user, sites, cancellationToken), cancellationToken);
        if (package is { Package: { Kit: false, Manifest.Customer: { } customer } }
            && TufDelegations.RoleFor(customer) == role
            && TufDelegations.TargetPath(role, id, normalized!) == $"{role}/{id}/{version}/{file}".ToLowerInvariant()
            && await SignedNupkg.ServeAsync(package.Package, files, integrity, refusals, cancellationToken) is { } served)
        {
            return served;
        }

        return Problems.NotFound($"{role}/{id}/{version}/{file} is not a target of this feed.");
    }
}
