using System.Security.Cryptography;
using AppLayer.Core.Customers;
using AppLayer.Core.Releases;
using AppLayer.Feed.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AppLayer.Feed.Indexing;

/// <summary>
/// Spools a push to a temp file (refusing it past the size limit), inspects it, then moves the
/// file into place and inserts its row under one lock: if the row cannot be written, the file
/// is removed again, so the feed's files and rows always agree.
/// </summary>
internal sealed class PackageIndexer(
    IPackageStore packages,
    ICustomerStore customers,
    IPackageFileStore files,
    Integrity.PackageIntegrity integrity,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<PackageIndexer>? logger = null) : IPackageIndexer, IDisposable
{
    private readonly SemaphoreSlim _commitGate = new(1, 1);
    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;

    public async Task<PackageIndexingOutcome> IndexAsync(Stream package, CancellationToken cancellationToken)
    {
        var outcome = await IndexUnloggedAsync(package, cancellationToken);
        if (outcome.Result == PackageIndexingResult.Success && outcome.Package is { } stored)
        {
            PushLog.Stored(_log, stored.Id, stored.Version, stored.Size);
        }
        else
        {
            PushLog.Refused(_log, outcome.Result, outcome.Limit ?? "none", outcome.Message);
        }

        return outcome;
    }

    public void Dispose() => _commitGate.Dispose();

    private async Task<PackageIndexingOutcome> IndexUnloggedAsync(Stream package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        var limits = options.Value.Limits;
        var temp = files.CreateTempPath();
        try
        {
            var size = await SpoolAsync(package, temp, limits.MaxPackageBytes, cancellationToken);
            PushLog.Received(_log, size);
            if (limits.CheckSize(size) is { } tooBig)
            {
                return PackageIndexingOutcome.Invalid($"The package is {tooBig.Message}.", tooBig.Limit);
            }

            if (size == 0)
            {
                return PackageIndexingOutcome.Invalid("The upload is empty; send the .nupkg file.");
            }

            InspectedPackage inspected;
            string sha512;
            await using (var file = File.OpenRead(temp))
            {
                inspected = PackageInspector.Inspect(file, limits);
                file.Position = 0;
                sha512 = Convert.ToBase64String(await SHA512.HashDataAsync(file, cancellationToken));
            }

            PushLog.Validated(_log, inspected.Id, inspected.Version, inspected.Kit ? KitPackages.Kind : inspected.Manifest.Kind.ToString(), inspected.Kit ? "none" : inspected.Manifest.Customer ?? "none", sha512);

            if (inspected.Manifest.Customer is { } customer && !inspected.Kit && await customers.FindAsync(customer, cancellationToken) is null)
            {
                return PackageIndexingOutcome.Invalid($"{inspected.Id} {inspected.Version} is a bespoke update for customer '{customer}', which this host does not know; add the customer first (applayer customer add) or correct \"customer\" in {AppLayer.Sdk.UpdateManifest.FileName}.");
            }

            var stored = new FeedPackage(inspected.Id, inspected.Version, sha512, size, inspected.Manifest, time.GetUtcNow(), inspected.Kit);
            return await CommitAsync(temp, inspected.Nuspec, stored, cancellationToken);
        }
        catch (InvalidPackageException ex)
        {
            return PackageIndexingOutcome.Invalid(ex.Message, ex.Limit);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<PackageIndexingOutcome> CommitAsync(string temp, byte[] nuspec, FeedPackage package, CancellationToken cancellationToken)
    {
        await _commitGate.WaitAsync(cancellationToken);
        try
        {
            if (await packages.FindAsync(package.Id, package.Version, cancellationToken) is { } existing)
            {
                return await RepairAsync(temp, nuspec, existing, package, cancellationToken) ?? PackageIndexingOutcome.AlreadyExists(package.Id, package.Version);
            }

            files.Commit(temp, nuspec, package.Id, package.Version);
            try
            {
                // Once the file is in place, the row is written even if the caller gives up. The lock makes
                // this host the only writer of the feed; a row appearing meanwhile means another process
                // writes to the same data folder, which is not supported.
                if (!await packages.AddAsync(package, CancellationToken.None))
                {
                    return PackageIndexingOutcome.AlreadyExists(package.Id, package.Version);
                }
            }
            catch
            {
                files.Delete(package.Id, package.Version);
                throw;
            }

            return PackageIndexingOutcome.Success(package);
        }
        finally
        {
            _commitGate.Release();
        }
    }

    /// <summary>
    /// The very package the feed signed (same length and SHA-512), pushed again while the stored copy is
    /// damaged, puts the stored file right; anything else under a stored id and version stays refused.
    /// </summary>
    private async Task<PackageIndexingOutcome?> RepairAsync(string temp, byte[] nuspec, FeedPackage existing, FeedPackage pushed, CancellationToken cancellationToken)
    {
        if (existing.Sha512 != pushed.Sha512 || existing.Size != pushed.Size || await integrity.CheckAsync(existing, cancellationToken) is null)
        {
            return null;
        }

        files.Commit(temp, nuspec, existing.Id, existing.Version);
        return await integrity.CheckAsync(existing, cancellationToken) is { } still
            ? PackageIndexingOutcome.Invalid($"{existing.Id} {existing.Version} could not be put right: {still.Reason}.")
            : PackageIndexingOutcome.Repaired(existing);
    }

    /// <returns>The bytes written, or one more than <paramref name="limit"/> when the upload is larger.</returns>
    private static async Task<long> SpoolAsync(Stream source, string path, long limit, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return limit + 1;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
