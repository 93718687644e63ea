using AppLayer.Protocol;

namespace AppLayer.Core.Agreements;

/// <summary>
/// What an amendment effective on a day does to the versions already signed. A version effective later than the
/// amendment must be named: superseded (it no longer applies) or kept (it applies from its own day on, ending the
/// amendment there). A version effective the same day is replaced: implicitly when that day has not passed yet, only
/// when named in <c>supersedes</c> when it has (months already billed may rest on it). Nothing is ever dropped silently.
/// </summary>
public static class AgreementAmendment
{
    /// <returns>The versions the amendment supersedes, ascending.</returns>
    /// <exception cref="UserException">A named version does not exist, is superseded already, or cannot be named so.</exception>
    /// <exception cref="ConflictException">The amendment would overlap or drop a version it does not name.</exception>
    public static IReadOnlyList<int> Supersedes(
        AgreementHistory history, DateOnly effectiveFrom, IReadOnlyList<int> supersedes, IReadOnlyList<int> keeps, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(supersedes);
        ArgumentNullException.ThrowIfNull(keeps);
        if (supersedes.Intersect(keeps).FirstOrDefault() is var both and > 0)
        {
            throw new UserException($"Version {both} cannot be both superseded and kept.");
        }

        foreach (var number in supersedes.Concat(keeps))
        {
            var named = history.Versions.FirstOrDefault(v => v.Agreement.Version == number)
                ?? throw new UserException($"The agreement has no version {number}.");
            if (named.SupersededBy is { } by)
            {
                throw new UserException($"Version {number} was superseded by version {by} already.");
            }

            if (named.EffectiveFrom < effectiveFrom)
            {
                throw new UserException($"Version {number} takes effect on {named.EffectiveFrom:yyyy-MM-dd}, before this amendment's {effectiveFrom:yyyy-MM-dd}; it ends where the amendment begins and is neither superseded nor kept.");
            }

            if (named.EffectiveFrom == effectiveFrom && keeps.Contains(number))
            {
                throw new UserException($"Version {number} takes effect on the same day as this amendment ({effectiveFrom:yyyy-MM-dd}) and cannot be kept beside it.");
            }
        }

        var result = new SortedSet<int>(supersedes);
        foreach (var live in history.Versions.Where(v => v.IsLive && v.EffectiveFrom >= effectiveFrom))
        {
            var number = live.Agreement.Version;
            if (result.Contains(number) || keeps.Contains(number))
            {
                continue;
            }

            if (live.EffectiveFrom > effectiveFrom)
            {
                throw new ConflictException(
                    $"Version {number} takes effect on {live.EffectiveFrom:yyyy-MM-dd}, after this amendment's {effectiveFrom:yyyy-MM-dd}: state whether it still applies from its own day (keeps: {number}) or no longer applies (supersedes: {number}).");
            }

            if (effectiveFrom < today)
            {
                throw new ConflictException(
                    $"Version {number} takes effect on the same day, {effectiveFrom:yyyy-MM-dd}, which has passed: state that this amendment replaces it (supersedes: {number}).");
            }

            result.Add(number);
        }

        return [.. result];
    }
}
