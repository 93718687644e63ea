using System.Collections.Concurrent;
using System.Security.Cryptography;
using AppLayer.Core.Releases;
using AppLayer.Feed.Storage;
using AppLayer.Feed.Tuf;

namespace AppLayer.Feed.Integrity;

/// <summary>
/// Checks the package files on the host's disk against what the feed signed (length and SHA-512 of the
/// package's row, which the signed targets were made from). Serving checks cheaply: a file is hashed again
/// only when its length or modification time changed since its last check. <see cref="ScrubAsync"/> hashes
/// every file whatever its time stamp (a byte changed with the time stamp put back) and also compares each
/// row with the signed targets. A damaged package stays known as such until a check finds it intact.
/// </summary>
public sealed class PackageIntegrity(IPackageStore packages, IPackageFileStore files, TufRepository tuf, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Verdict> _checked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DamagedPackage> _damaged = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The packages found damaged and not found intact since, oldest first.</summary>
    public IReadOnlyList<DamagedPackage> Damaged => [.. _damaged.Values.OrderBy(d => d.FoundAt).ThenBy(d => d.Id, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The last full check, or <c>null</c> before the first.</summary>
    public IntegrityReport? LastScrub { get; private set; }

    /// <returns><c>null</c> when the stored file is the package the feed signed, else why not.</returns>
    public async Task<DamagedPackage?> CheckAsync(FeedPackage package, CancellationToken cancellationToken) =>
        await CheckAsync(package, force: false, cancellationToken);

    /// <summary>
    /// <see cref="CheckAsync(FeedPackage, CancellationToken)"/>, with the package's file as the check saw it
    /// (its path, length and modification time), so a caller that then serves the file does not look at it again.
    /// </summary>
    public async Task<(DamagedPackage? Damaged, string Path, FileStamp? Stamp)> CheckFileAsync(FeedPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var path = files.NupkgFilePath(package.Id, package.Version);
        var stamp = FileStamp.Of(path);
        return (await CheckAsync(package, path, stamp, force: false, cancellationToken), path, stamp);
    }

    /// <summary>Hashes every stored package and compares each row with the signed targets.</summary>
    public async Task<IntegrityReport> ScrubAsync(CancellationToken cancellationToken)
    {
        var signed = tuf.SignedTargets();
        var all = await packages.ListWithKitAsync(cancellationToken);
        var damaged = new List<DamagedPackage>();
        foreach (var package in all)
        {
            var found = await CheckAsync(package, force: true, cancellationToken);
            if (found is null && signed.TryGetValue(Key(package), out var target)
                && (target.Length != package.Size || !string.Equals(target.Sha512Hex, Convert.ToHexStringLower(Convert.FromBase64String(package.Sha512)), StringComparison.Ordinal)))
            {
                found = Record(package, "its database row does not match the signed targets (length or SHA-512)");
            }

            if (found is not null)
            {
                damaged.Add(found);
            }
        }

        var report = new IntegrityReport(all.Count, damaged, time.GetUtcNow());
        LastScrub = report;
        return report;
    }

    private Task<DamagedPackage?> CheckAsync(FeedPackage package, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var path = files.NupkgFilePath(package.Id, package.Version);
        return CheckAsync(package, path, FileStamp.Of(path), force, cancellationToken);
    }

    private async Task<DamagedPackage?> CheckAsync(FeedPackage package, string path, FileStamp? file, bool force, CancellationToken cancellationToken)
    {
        if (file is not { } info)
        {
            _checked.TryRemove(path, out _);
            return Record(package, "its file is missing");
        }

        if (!force && _checked.TryGetValue(path, out var known) && known.Stamp == info && known.Sha512 == package.Sha512)
        {
            return known.Intact ? null : _damaged.GetValueOrDefault(Key(package));
        }

        string? reason = null;
        if (info.Length != package.Size)
        {
            reason = $"its file is {info.Length} bytes, not the {package.Size} signed";
        }
        else
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var hash = await SHA512.HashDataAsync(stream, cancellationToken);
            if (!CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(package.Sha512)))
            {
                reason = "its bytes do not match the signed SHA-512";
            }
        }

        _checked[path] = new Verdict(info, package.Sha512, reason is null);
        if (reason is null)
        {
            _damaged.TryRemove(Key(package), out _);
            return null;
        }

        return Record(package, reason);
    }

    private DamagedPackage Record(FeedPackage package, string reason)
    {
        var found = _damaged.GetValueOrDefault(Key(package));
        if (found is null || found.Reason != reason)
        {
            found = new DamagedPackage(package.Id, package.Version, reason, time.GetUtcNow());
            _damaged[Key(package)] = found;
        }

        return found;
    }

    private static string Key(FeedPackage package) => TufRepository.TargetPath(package);

    private sealed record Verdict(FileStamp Stamp, string Sha512, bool Intact);
}
