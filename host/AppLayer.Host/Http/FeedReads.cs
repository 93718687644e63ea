using System.Text.Json.Nodes;
using AppLayer.Core.Releases;
using AppLayer.Feed;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Protocol;
using AppLayer.Feed.Tuf;
using AppLayer.Protocol.NuGet;
using AppLayer.Protocol.Tuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NuGet.Packaging;

namespace AppLayer.Host.Http;

/// <summary>
/// The feed's most frequent reads, for a caller whose key was already checked: TUF metadata, the
/// registration index and flat-container files. The routed endpoints and <see cref="FeedShortcut"/>
/// answer them through these same methods; <c>null</c> means there is nothing this caller may see
/// there (the endpoint answers 404).
/// </summary>
internal sealed class FeedReads(FeedQuery query, PackageContentService content, PackageFiles files, PackageIntegrity integrity, TufRepository tuf, RenderedDocuments documents)
{
    /// <summary>Whether <paramref name="name"/> is a delegated role's metadata, which only some callers may see.</summary>
    public static bool IsRoleFile(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) && TufDelegations.IsRoleName(name[..^5]);

    /// <summary>
    /// Fresh metadata from memory: the cheap freshness check (which signs a role again only when its
    /// time has come), then the file's bytes and ETag as kept since it last changed.
    /// </summary>
    /// <param name="caller">Needed only for a role file (<see cref="IsRoleFile"/>): another customer's role answers as if it did not exist.</param>
    public async ValueTask<IResult?> MetadataAsync(string name, FeedCaller? caller, CancellationToken cancellationToken)
    {
        if (IsRoleFile(name) && (caller is null || !(caller.SeesAll || (caller.CustomerCode is { } code && TufDelegations.FileName(TufDelegations.RoleFor(code)) == name))))
        {
            return null;
        }

        // What this signs again on the way is logged by the repository (TufLog.Signed, "freshness").
        return await tuf.ServeFreshAsync(name, cancellationToken) is { } file
            ? ETags.Bytes(file.Bytes, file.ETag, "application/json")
            : null;
    }

    /// <summary>A package's registration index (all its versions the caller may see, pages inlined), rendered once per change.</summary>
    public Task<IResult?> RegistrationIndexAsync(HttpContext http, string id, FeedCaller caller, CancellationToken cancellationToken)
    {
        return documents.AnswerAsync(http, caller, RenderAsync, cancellationToken);

        async Task<JsonObject?> RenderAsync(CancellationToken ct)
        {
            var versions = await query.VersionsAsync(id, caller, ct);
            return versions.Count == 0 ? null : NuGetDocuments.RegistrationIndex(http.Request.BaseUrl(), [.. versions.Select(v => v.ToNuGet())]);
        }
    }

    /// <summary><c>{id}.{version}.nupkg</c> (only while it is the file the feed signed) or <c>{id}.nuspec</c> of a package the caller may see.</summary>
    /// <param name="refusals">See <see cref="SignedNupkg.ServeAsync"/>.</param>
    public async Task<IResult?> FlatFileAsync(string id, string version, string file, FeedCaller caller, ILogger? refusals, CancellationToken cancellationToken)
    {
        var normalized = FeedVersions.Normalize(version);
        var package = normalized is null || !PackageIdValidator.IsValidPackageId(id)
            ? null
            : await query.FindAsync(id, normalized, caller, cancellationToken);
        if (package is null)
        {
            return null;
        }

        if (file.Equals($"{id}.{version}.nupkg", StringComparison.OrdinalIgnoreCase))
        {
            return await SignedNupkg.ServeAsync(package.Package, files, integrity, refusals, cancellationToken);
        }

        return file.Equals($"{id}.nuspec", StringComparison.OrdinalIgnoreCase) && content.NuspecPath(id, version) is { } nuspec
            ? files.Serve(nuspec, "application/xml")
            : null;
    }
}
