using AppLayer.Sdk;
using NuGet.Versioning;

namespace AppLayer.Site.Planning;

/// <summary>
/// Puts pending updates in the order they must run: every dependency first, then by effective
/// date (earliest first; none last), then by id. An update whose dependency is neither applied nor
/// pending, or that sits in a dependency cycle, is kept with the reason it cannot run; one whose
/// dependency is listed but could not be verified at the last pull (<c>unverified</c>) waits for it,
/// and so do its own dependents.
/// </summary>
internal static class UpdatePlanner
{
    public static IReadOnlyList<PlannedUpdate> Plan(IReadOnlyList<UpdateManifest> pending, IReadOnlyDictionary<string, NuGetVersion> applied, IReadOnlySet<string>? unverified = null)
    {
        var waiting = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byId = pending.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var blocked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var waitsFor = pending.ToDictionary(m => m.Id, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

        foreach (var manifest in pending)
        {
            foreach (var dependency in manifest.Dependencies)
            {
                if (!NuGetVersion.TryParse(dependency.MinVersion, out var minimum))
                {
                    blocked[manifest.Id] = $"its dependency {dependency.Id} has no valid minimum version '{dependency.MinVersion}'";
                }
                else if (applied.TryGetValue(dependency.Id, out var done) && done >= minimum)
                {
                    // already in this IS database
                }
                else if (byId.TryGetValue(dependency.Id, out var other) && NuGetVersion.Parse(other.Version) >= minimum)
                {
                    waitsFor[manifest.Id].Add(other.Id);
                }
                else if (unverified?.Contains(dependency.Id) == true)
                {
                    waiting.TryAdd(manifest.Id, $"its dependency {dependency.Id} could not be verified at the last pull");
                }
                else
                {
                    blocked[manifest.Id] = $"it needs {dependency.Id} {minimum} or later, which is neither applied nor available";
                }
            }
        }

        var order = new List<PlannedUpdate>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var remaining = pending.OrderBy(m => m.EffectiveDate ?? DateOnly.MaxValue).ThenBy(m => m.Id, StringComparer.OrdinalIgnoreCase).ToList();
        while (remaining.Count > 0)
        {
            // The first (by date, id) whose dependencies are all placed; Kahn's algorithm with a stable tie-break.
            var next = remaining.FirstOrDefault(m => waitsFor[m.Id].All(placed.Contains));
            if (next is null)
            {
                var cycle = string.Join(", ", remaining.Select(m => m.Id));
                order.AddRange(remaining.Select(m => new PlannedUpdate(m, blocked.GetValueOrDefault(m.Id) ?? $"it is in a dependency cycle among {cycle}", null)));
                break;
            }

            remaining.Remove(next);
            placed.Add(next.Id);
            var reason = blocked.GetValueOrDefault(next.Id)
                ?? waitsFor[next.Id].Where(blocked.ContainsKey).Select(d => $"its dependency {d} cannot run").FirstOrDefault();
            if (reason is not null)
            {
                blocked[next.Id] = reason;
            }

            var waits = reason is not null ? null
                : waiting.GetValueOrDefault(next.Id) ?? waitsFor[next.Id].Where(waiting.ContainsKey).Select(d => $"its dependency {d} waits").FirstOrDefault();
            if (waits is not null)
            {
                waiting[next.Id] = waits;
            }

            order.Add(new PlannedUpdate(next, reason, waits));
        }

        return order;
    }
}

/// <summary>
/// One update in plan order; <see cref="BlockedBecause"/> says why it cannot run, if so, and
/// <see cref="WaitingBecause"/> why it must wait (a dependency not verified yet), if so.
/// </summary>
internal sealed record PlannedUpdate(UpdateManifest Manifest, string? BlockedBecause, string? WaitingBecause);
