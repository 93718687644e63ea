using System.Security.Cryptography;
using System.Text;
using AppLayer.Sdk;

namespace AppLayer.Core.Rollouts;

/// <summary>
/// The rules of staged rollouts, without I/O: which ring an installation belongs to, when each ring opens, whether a
/// version is offered to an installation now, and when a freeze holds an update back.
/// </summary>
public static class RolloutRings
{
    /// <summary>The rings a rollout gets when the manager names none: 1 %, 10 %, 50 %, 100 %.</summary>
    public static IReadOnlyList<int> DefaultPercents { get; } = [1, 10, 50, 100];

    public const int DefaultBakeHours = 24;

    public const double DefaultHaltRate = 0.10;

    public const int DefaultHaltMinimum = 3;

    private const int Buckets = 10_000;

    /// <summary>
    /// The installation's place among 10,000 buckets: a hash of its code alone, so it stays in the same ring of every
    /// rollout, across halts and resumes, on every host (no per-process string hashing).
    /// </summary>
    public static int Bucket(string installationCode)
    {
        ArgumentNullException.ThrowIfNull(installationCode);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("applayer-ring\n" + installationCode.ToUpperInvariant()), hash);
        return (int)(BitConverter.ToUInt64(hash[..8]) % Buckets);
    }

    /// <summary>The ring (0-based) the installation is in: the canary ring for a canary customer's installations, else the first percentage ring that covers its bucket.</summary>
    public static int RingOf(Rollout rollout, string installationCode, long customerId)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var offset = 0;
        if (rollout.CanaryCustomerIds.Count > 0)
        {
            if (rollout.CanaryCustomerIds.Contains(customerId))
            {
                return 0;
            }

            offset = 1;
        }

        var bucket = Bucket(installationCode);
        for (var i = 0; i < rollout.Percents.Count; i++)
        {
            if (bucket < rollout.Percents[i] * (Buckets / 100))
            {
                return offset + i;
            }
        }

        return offset + rollout.Percents.Count - 1;
    }

    /// <summary>When ring <paramref name="ring"/> opens while the rollout runs: after the bakes of the rings before it, moved on by the time spent halted.</summary>
    public static DateTimeOffset OpensAt(Rollout rollout, int ring)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var at = rollout.CreatedAt + rollout.Paused;
        for (var i = 0; i < ring; i++)
        {
            at += TimeSpan.FromHours(rollout.BakeHours[i]);
        }

        return at;
    }

    /// <summary>
    /// How many rings are open at <paramref name="now"/>. A halted or aborted rollout's clock stands still at its
    /// halt: the rings open then stay counted (for the report), but nothing is offered.
    /// </summary>
    public static int OpenRings(Rollout rollout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var clock = rollout.State == RolloutState.Active ? now : rollout.StateChangedAt;
        var open = 0;
        while (open < rollout.RingCount && OpensAt(rollout, open) <= clock)
        {
            open++;
        }

        return open;
    }

    /// <summary>Whether the rollout offers its version to this installation now: it runs and the installation's ring is open.</summary>
    public static bool Offers(Rollout rollout, string installationCode, long customerId, DateTimeOffset now) =>
        rollout.State == RolloutState.Active && RingOf(rollout, installationCode, customerId) < OpenRings(rollout, now);

    /// <summary>Urgent legal updates (legislative, marked emergency) go out during a freeze; nothing else does.</summary>
    public static bool PassesFreeze(UpdateManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Kind == UpdateKind.Legislative && manifest.Emergency;
    }

    /// <summary>
    /// Whether the halt rule fires: at least <see cref="Rollout.HaltMinimum"/> installations failed or rolled back,
    /// and they are at least <see cref="Rollout.HaltRate"/> of the installations that reported.
    /// </summary>
    public static bool ShouldHalt(Rollout rollout, RolloutCounts counts)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Bad >= rollout.HaltMinimum && counts.Reported > 0 && (double)counts.Bad / counts.Reported >= rollout.HaltRate;
    }

    /// <summary>
    /// The day (Europe/Prague) on which the last ring can first receive the update: when it opens, or the day after
    /// the freezes (everyone's) it would open into when the update does not pass freezes.
    /// </summary>
    public static DateOnly LastRingReaches(Rollout rollout, UpdateManifest manifest, IReadOnlyList<Freeze> freezes)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(freezes);
        var day = PragueDay(OpensAt(rollout, rollout.RingCount - 1));
        if (PassesFreeze(manifest))
        {
            return day;
        }

        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var freeze in freezes.Where(f => f.CustomerId is null && day >= f.From && day <= f.To))
            {
                day = freeze.To.AddDays(1);
                moved = true;
            }
        }

        return day;
    }

    /// <summary>The day in Europe/Prague, the zone freezes and effective dates are stated in.</summary>
    public static DateOnly PragueDay(DateTimeOffset at) => ServiceDesk.ServiceDeskDirectory.Day(at);
}
