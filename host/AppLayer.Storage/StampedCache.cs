using System.Collections.Concurrent;

namespace AppLayer.Storage;

/// <summary>
/// Rows read from the database, kept only while nothing at all was committed since they were read
/// (<see cref="DatabaseChanges"/>): a lookup is never staler than the last commit, by this process or
/// any other. Misses (<c>null</c>) are not kept. For reads on every request (API keys, a site key's customer).
/// </summary>
public sealed class StampedCache<TKey, TValue>(DatabaseChanges changes, int maxEntries = 4096)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private volatile Generation _current = new(long.MinValue);

    public async Task<TValue?> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);

        // The stamp is taken before the read: a commit after it moves the stamp, so what is read under it
        // is only ever used while nothing was committed since.
        var stamp = await changes.StampAsync(cancellationToken);
        var generation = _current;
        if (generation.Stamp == stamp && generation.Values.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var value = await load(key, cancellationToken);
        if (value is not null)
        {
            Keep(stamp, key, value);
        }

        return value;
    }

    private void Keep(long stamp, TKey key, TValue value)
    {
        lock (_gate)
        {
            var generation = _current;
            if (generation.Stamp == stamp)
            {
                if (generation.Values.Count < maxEntries)
                {
                    generation.Values[key] = value;
                }
            }
            else if (generation.Stamp < stamp)
            {
                // data_version only grows: a newer stamp starts an empty generation; an older one keeps nothing.
                var next = new Generation(stamp);
                next.Values[key] = value;
                _current = next;
            }
        }
    }

    private sealed class Generation(long stamp)
    {
        public long Stamp { get; } = stamp;

        public ConcurrentDictionary<TKey, TValue> Values { get; } = new();
    }
}
