using AppLayer.Core;
using AppLayer.Feed.Integrity;
using AppLayer.Feed.Tuf;
using AppLayer.Storage;

namespace AppLayer.Host;

/// <summary>The feed's TUF keys from code, straight in a data folder (the CLI's <c>keys init</c> and <c>keys rotate</c>).</summary>
public static class FeedSigning
{
    /// <summary>Creates the keys and the first signed metadata; the root key goes to <paramref name="rootKeyDirectory"/> when given.</summary>
    /// <returns>The folder that holds the root key.</returns>
    public static async Task<string> InitAsync(string dataDirectory, string? rootKeyDirectory, CancellationToken cancellationToken = default)
    {
        await using var provider = await BuildAsync(dataDirectory, cancellationToken);
        var tuf = provider.GetRequiredService<TufRepository>();
        await tuf.InitializeAsync(rootKeyDirectory, cancellationToken);
        return string.IsNullOrWhiteSpace(rootKeyDirectory) ? tuf.KeysDirectory : Path.GetFullPath(rootKeyDirectory);
    }

    /// <returns>The new root version.</returns>
    public static async Task<long> RotateAsync(string dataDirectory, IReadOnlyCollection<string> roles, string? rootKeyDirectory, CancellationToken cancellationToken = default)
    {
        await using var provider = await BuildAsync(dataDirectory, cancellationToken);
        return await provider.GetRequiredService<TufRepository>().RotateAsync(roles, rootKeyDirectory, cancellationToken);
    }

    /// <summary><c>applayer feed verify</c>: hashes every stored package against its row and the signed targets, straight in a data folder.</summary>
    /// <exception cref="UserException">No data folder or no signed metadata.</exception>
    public static async Task<IntegrityReport> VerifyAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory) || !Directory.Exists(dataDirectory))
        {
            throw new UserException($"data folder '{dataDirectory}' does not exist.");
        }

        await using var provider = await BuildAsync(dataDirectory, cancellationToken);
        if (!provider.GetRequiredService<TufRepository>().IsInitialized)
        {
            throw new UserException("the feed has no signed metadata yet; run 'applayer keys init' (or start the host once).");
        }

        return await provider.GetRequiredService<PackageIntegrity>().ScrubAsync(cancellationToken);
    }

    /// <summary>The signed metadata's roles (file, version, expiry, when signed again), read straight from a data folder.</summary>
    /// <exception cref="UserException">No data folder or no signed metadata.</exception>
    public static async Task<IReadOnlyList<TufRoleStatus>> StatusAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory) || !Directory.Exists(dataDirectory))
        {
            throw new UserException($"data folder '{dataDirectory}' does not exist.");
        }

        await using var provider = await BuildAsync(dataDirectory, cancellationToken);
        return provider.GetRequiredService<TufRepository>().Status();
    }

    /// <summary>
    /// The feed's services on a data folder for a CLI verb (<see cref="DataFolderServices.Build"/>), migrated,
    /// with bad lifetimes in the environment refused in one line.
    /// </summary>
    internal static async Task<ServiceProvider> BuildAsync(string dataDirectory, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new UserException("The data folder is required.");
        }

        var provider = DataFolderServices.Build(dataDirectory, time);
        try
        {
            try
            {
                _ = provider.GetRequiredService<IOptions<TufOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                throw new UserException(ex.Message);
            }

            await provider.GetRequiredService<SqliteDatabase>().MigrateAsync(cancellationToken);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}
