using System.Collections.Concurrent;
using AppLayer.Core.Keys;

namespace AppLayer.Storage.Stores;

/// <summary>
/// Keys found by their hash, kept while the database is unchanged, so that a download does not cost a
/// query. Any commit (a revocation by the host or by <c>applayer keys revoke</c> in another process, a
/// new key, anything else) makes every kept key stale before the next lookup: a revoked key is refused
/// at once. Expiry is checked by the caller against the clock on every request. Unknown hashes are never kept.
/// </summary>
internal sealed class ApiKeyCache(DatabaseChanges changes)
{
    private const int MaxEntries = 4096;

    private readonly Lock _gate = new();
    private volatile Generation _current = new(long.MinValue);

    public async Task<StoredApiKey?> FindAsync(
        string hash,
        Func<string, CancellationToken, Task<StoredApiKey?>> load,
        CancellationToken cancellationToken)
    {
        // The stamp is taken before the read: a commit after it moves the stamp, so what is read under it
        // is only ever used while nothing was committed since.
        var stamp = await changes.StampAsync(cancellationToken);
        var generation = _current;
        if (generation.Stamp == stamp && generation.Keys.TryGetValue(hash, out var kept))
        {
            return kept;
        }

        var stored = await load(hash, cancellationToken);
        if (stored is not null)
        {
            Keep(stamp, hash, stored);
        }

        return stored;
    }

    private void Keep(long stamp, string hash, StoredApiKey stored)
    {
        lock (_gate)
        {
            var generation = _current;
            if (generation.Stamp == stamp)
            {
                if (generation.Keys.Count < MaxEntries)
                {
                    generation.Keys[hash] = stored;
                }
            }
            else if (generation.Stamp < stamp)
            {
                // data_version only grows: a newer stamp starts an empty generation; an older one keeps nothing.
                var next = new Generation(stamp);
                next.Keys[hash] = stored;
                _current = next;
            }
        }
    }

    private sealed class Generation(long stamp)
    {
        public long Stamp { get; } = stamp;

        public ConcurrentDictionary<string, StoredApiKey> Keys { get; } = new(StringComparer.Ordinal);
    }
}
