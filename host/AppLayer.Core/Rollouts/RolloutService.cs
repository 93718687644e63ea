using System.Globalization;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.Releases;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppLayer.Core.Rollouts;

/// <summary>
/// Staged rollouts and freezes. A version without a rollout goes to every entitled installation at once (as before);
/// with one, to its open rings only, while it runs. The failure rule halts it from the reports as they come in; a
/// manager halts, resumes or aborts it, each in the audit trail and in the histories of the customers that received it.
/// Versions given here are normalised by the caller.
/// </summary>
public sealed class RolloutService(IRolloutStore store, IPackageStore packages, ICustomerStore customers, TimeProvider clock, ILogger<RolloutService>? logger = null)
{
    /// <summary>Who halts a rollout when the failure rule does (the audit trail's actor).</summary>
    public const string HaltRule = "the failure rule";

    private const int MaxBakeHours = 720;

    private readonly ILogger _log = logger ?? NullLogger<RolloutService>.Instance;

    /// <exception cref="UserException">Not an update in the feed, or a bad ring, bake, canary or halt setting.</exception>
    /// <exception cref="ConflictException">The version has a rollout already.</exception>
    public async Task<RolloutDto> CreateAsync(CreateRolloutRequest request, string version, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var packageId = Require.Text(request.PackageId, "Package id", 200);
        var package = await packages.FindAsync(packageId, version, cancellationToken);
        if (package is null || package.Kit)
        {
            throw new UserException($"{packageId} {version} is not an update in the feed; push it first.");
        }

        var percents = request.Percents is { Count: > 0 } given ? given : RolloutRings.DefaultPercents;
        CheckPercents(percents);
        var bake = request.BakeHours ?? RolloutRings.DefaultBakeHours;
        if (bake is < 1 or > MaxBakeHours)
        {
            throw new UserException($"The bake time must be 1 to {MaxBakeHours} hours, not {bake}.");
        }

        var haltRate = request.HaltRate ?? RolloutRings.DefaultHaltRate;
        if (double.IsNaN(haltRate) || haltRate <= 0 || haltRate > 1)
        {
            throw new UserException($"The halt rate must be above 0 and at most 1 (0.1 is 10 %), not {haltRate.ToString(CultureInfo.InvariantCulture)}.");
        }

        var haltMinimum = request.HaltMinimum ?? RolloutRings.DefaultHaltMinimum;
        if (haltMinimum is < 1 or > 100_000)
        {
            throw new UserException($"The halt minimum must be 1 to 100000 installations, not {haltMinimum}.");
        }

        var canary = new List<long>();
        foreach (var code in Require.Names(request.Canary, "Canary customer"))
        {
            canary.Add((await customers.FindAsync(code, cancellationToken) ?? throw new UserException($"Canary customer '{code}' does not exist.")).Id);
        }

        var now = clock.GetUtcNow();
        var rollout = new Rollout(
            0, package.Id, package.Version, percents, [.. Enumerable.Repeat(bake, percents.Count + (canary.Count > 0 ? 1 : 0))], canary.Distinct().ToList(),
            haltRate, haltMinimum, now, actor, RolloutState.Active, now, TimeSpan.Zero);
        var created = await store.AddAsync(rollout, new RolloutEvent(now, "created", actor, "rings " + RingNames(rollout)), cancellationToken)
            ?? throw new ConflictException($"{package.Id} {package.Version} has a rollout already; see 'applayer rollout show {package.Id} {package.Version}'.");
        RolloutLog.Created(_log, created.PackageId, created.Version, actor, RingNames(created), bake, haltRate, haltMinimum);
        var dto = await DtoAsync(created, cancellationToken);
        foreach (var warning in dto.Warnings)
        {
            RolloutLog.Late(_log, created.PackageId, created.Version, warning);
        }

        return dto;
    }

    /// <exception cref="NotFoundException">The version has no rollout.</exception>
    public async Task<RolloutDto> GetAsync(string packageId, string version, CancellationToken cancellationToken) =>
        await DtoAsync(await FindAsync(packageId, version, cancellationToken), cancellationToken);

    /// <returns>Every rollout, newest first, in a fixed number of queries however many there are.</returns>
    public async Task<IReadOnlyList<RolloutDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        var counts = await store.CountAllAsync(cancellationToken);
        var events = await store.EventsAsync(null, cancellationToken);
        var freezes = await store.ListFreezesAsync(RolloutRings.PragueDay(clock.GetUtcNow()), cancellationToken);
        var codes = (await customers.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Code);
        var manifests = (await packages.ListAsync(cancellationToken)).ToDictionary(p => Key(p.Id, p.Version), p => p.Manifest, StringComparer.OrdinalIgnoreCase);
        return [.. all.Reverse().Select(r => Dto(
            r,
            counts.GetValueOrDefault(r.Id) ?? new RolloutCounts(0, 0, 0),
            [.. events[r.Id]],
            freezes,
            codes,
            manifests.GetValueOrDefault(Key(r.PackageId, r.Version))))];
    }

    /// <summary>A manager halts a running rollout: its version is offered to nobody more until resumed.</summary>
    /// <exception cref="ConflictException">It is not running.</exception>
    public Task<RolloutDto> HaltAsync(string packageId, string version, string? reason, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(packageId, version, RolloutState.Active, RolloutState.Halted, "halted", reason, actor, cancellationToken);

    /// <summary>Resumes a halted rollout: the rings carry on where they stood (the halted time does not count toward a bake).</summary>
    /// <exception cref="ConflictException">It is not halted.</exception>
    public Task<RolloutDto> ResumeAsync(string packageId, string version, string? reason, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(packageId, version, RolloutState.Halted, RolloutState.Active, "resumed", reason, actor, cancellationToken);

    /// <summary>Aborts a running or halted rollout for good: the version is offered to nobody again (publish a fixed version).</summary>
    /// <exception cref="ConflictException">It is aborted already.</exception>
    public async Task<RolloutDto> AbortAsync(string packageId, string version, string? reason, string actor, CancellationToken cancellationToken)
    {
        var rollout = await FindAsync(packageId, version, cancellationToken);
        return await ChangeAsync(rollout, rollout.State == RolloutState.Aborted ? RolloutState.Active : rollout.State, RolloutState.Aborted, "aborted", reason, actor, cancellationToken);
    }

    /// <summary>
    /// After a site's report of a version: halts the version's running rollout when the failure rule fires. Called
    /// for every stored report; one query when the version has no running rollout.
    /// </summary>
    /// <returns>The halted rollout, or <c>null</c> when nothing changed.</returns>
    public async Task<RolloutDto?> CheckAfterReportAsync(string packageId, string version, CancellationToken cancellationToken)
    {
        var rollout = await store.FindAsync(packageId, version, cancellationToken);
        if (rollout is not { State: RolloutState.Active })
        {
            return null;
        }

        var counts = await store.CountReportsAsync(rollout.PackageId, rollout.Version, cancellationToken);
        if (!RolloutRings.ShouldHalt(rollout, counts))
        {
            return null;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{counts.Bad} of the {counts.Reported} installations that reported it failed or rolled it back ({(double)counts.Bad / counts.Reported:P0}; the rule halts at {rollout.HaltRate:P0} with at least {rollout.HaltMinimum})");
        if (!await ApplyChangeAsync(rollout, RolloutState.Active, RolloutState.Halted, "halted", reason, HaltRule, cancellationToken))
        {
            return null;
        }

        RolloutLog.HaltedByRule(_log, rollout.PackageId, rollout.Version, reason);
        return await GetAsync(rollout.PackageId, rollout.Version, cancellationToken);
    }

    /// <summary>
    /// What rollouts and freezes let one installation have now: a test for the feed's packages, made from two queries
    /// whatever the size of the feed or the fleet.
    /// </summary>
    public async Task<Func<FeedPackage, bool>> OffersAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var now = clock.GetUtcNow();
        var today = RolloutRings.PragueDay(now);
        var rollouts = (await store.ListAsync(cancellationToken)).ToDictionary(r => Key(r.PackageId, r.Version), StringComparer.OrdinalIgnoreCase);
        var frozen = (await store.ListFreezesAsync(today, cancellationToken)).Any(f => f.Covers(today, installation.CustomerId));
        return package =>
            (!frozen || RolloutRings.PassesFreeze(package.Manifest))
            && (!rollouts.TryGetValue(Key(package.Id, package.Version), out var rollout) || RolloutRings.Offers(rollout, installation.Code, installation.CustomerId, now));
    }

    /// <exception cref="UserException">A bad date range, or no such customer.</exception>
    public async Task<FreezeDto> AddFreezeAsync(AddFreezeRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.To < request.From)
        {
            throw new UserException($"A freeze ends on or after its first day: {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd} is backwards.");
        }

        if (request.To.DayNumber - request.From.DayNumber > 366)
        {
            throw new UserException("A freeze lasts at most 367 days; add another one for a longer period.");
        }

        Customer? customer = null;
        if (!string.IsNullOrWhiteSpace(request.Customer))
        {
            customer = await customers.FindAsync(request.Customer.Trim(), cancellationToken) ?? throw new UserException($"Customer '{request.Customer.Trim()}' does not exist.");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "no reason given" : Require.Text(request.Reason, "Reason", 1000);
        var freeze = await store.AddFreezeAsync(new Freeze(0, request.From, request.To, customer?.Id, customer?.Code, reason, clock.GetUtcNow(), actor), cancellationToken);
        RolloutLog.FreezeAdded(_log, freeze.Id, freeze.From, freeze.To, freeze.Customer ?? "every customer", actor, reason);
        return ToDto(freeze);
    }

    /// <returns>The freezes not over yet (today, Europe/Prague, or later), by their first day.</returns>
    public async Task<IReadOnlyList<FreezeDto>> ListFreezesAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListFreezesAsync(RolloutRings.PragueDay(clock.GetUtcNow()), cancellationToken)).Select(ToDto)];

    /// <summary>Lifts a freeze (one not over yet, or one that is): from now on it holds nothing back.</summary>
    /// <returns>The freeze as it was.</returns>
    /// <exception cref="NotFoundException">No such freeze.</exception>
    public async Task<FreezeDto> LiftFreezeAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var freeze = (await store.ListFreezesAsync(DateOnly.MinValue, cancellationToken)).FirstOrDefault(f => f.Id == id);
        if (freeze is null || !await store.RemoveFreezeAsync(id, cancellationToken))
        {
            throw new NotFoundException($"Freeze {id} does not exist.");
        }

        RolloutLog.FreezeLifted(_log, id, actor);
        return ToDto(freeze);
    }

    private static void CheckPercents(IReadOnlyList<int> percents)
    {
        if (percents.Count > 10)
        {
            throw new UserException("A rollout has at most 10 rings.");
        }

        for (var i = 0; i < percents.Count; i++)
        {
            if (percents[i] is < 1 or > 100 || (i > 0 && percents[i] <= percents[i - 1]))
            {
                throw new UserException($"Ring shares are cumulative percentages from 1 to 100, rising (e.g. 1,10,50,100), not {string.Join(',', percents)}.");
            }
        }

        if (percents[^1] != 100)
        {
            throw new UserException($"The last ring must reach every installation (100), not {percents[^1]}: {string.Join(',', percents)}.");
        }
    }

    private async Task<Rollout> FindAsync(string packageId, string version, CancellationToken cancellationToken) =>
        await store.FindAsync(packageId, version, cancellationToken)
        ?? throw new NotFoundException($"{packageId} {version} has no rollout (it goes to every entitled installation at once).");

    private async Task<RolloutDto> ChangeAsync(string packageId, string version, RolloutState from, RolloutState to, string action, string? reason, string actor, CancellationToken cancellationToken) =>
        await ChangeAsync(await FindAsync(packageId, version, cancellationToken), from, to, action, reason, actor, cancellationToken);

    private async Task<RolloutDto> ChangeAsync(Rollout rollout, RolloutState from, RolloutState to, string action, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (rollout.State != from)
        {
            throw new ConflictException($"The rollout of {rollout.PackageId} {rollout.Version} is {rollout.State.ToName()}; it cannot be {action}.");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "no reason given" : Require.Text(reason, "Reason", 1000);
        if (!await ApplyChangeAsync(rollout, from, to, action, why, actor, cancellationToken))
        {
            throw new ConflictException($"The rollout of {rollout.PackageId} {rollout.Version} changed meanwhile; look at it again.");
        }

        RolloutLog.Changed(_log, rollout.PackageId, rollout.Version, action, actor, why);
        return await GetAsync(rollout.PackageId, rollout.Version, cancellationToken);
    }

    private async Task<bool> ApplyChangeAsync(Rollout rollout, RolloutState from, RolloutState to, string action, string reason, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paused = rollout.Paused + (from == RolloutState.Halted && to == RolloutState.Active ? now - rollout.StateChangedAt : TimeSpan.Zero);
        var changed = rollout with { State = to, StateChangedAt = now, Paused = paused };
        var subject = $"{rollout.PackageId} {rollout.Version}";
        var detail = $"rollout {action} by {actor}: {reason}";
        var kind = to switch
        {
            RolloutState.Halted => RolloutHistoryKinds.Halted,
            RolloutState.Active => RolloutHistoryKinds.Resumed,
            _ => RolloutHistoryKinds.Aborted,
        };
        var history = (await store.CustomersReportedAsync(rollout.PackageId, rollout.Version, cancellationToken))
            .Select(customer => new HistoryEvent(0, customer, now, kind, null, subject, detail))
            .ToList();
        return await store.ChangeStateAsync(changed, from, new RolloutEvent(now, action, actor, reason), history, cancellationToken);
    }

    private async Task<RolloutDto> DtoAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var counts = await store.CountReportsAsync(rollout.PackageId, rollout.Version, cancellationToken);
        var events = (await store.EventsAsync(rollout.Id, cancellationToken))[rollout.Id].ToList();
        var freezes = await store.ListFreezesAsync(RolloutRings.PragueDay(clock.GetUtcNow()), cancellationToken);
        var codes = new Dictionary<long, string>();
        foreach (var id in rollout.CanaryCustomerIds)
        {
            codes[id] = (await customers.FindByIdAsync(id, cancellationToken))?.Code ?? "?";
        }

        var package = await packages.FindAsync(rollout.PackageId, rollout.Version, cancellationToken);
        return Dto(rollout, counts, events, freezes, codes, package?.Manifest);
    }

    private RolloutDto Dto(Rollout rollout, RolloutCounts counts, IReadOnlyList<RolloutEvent> events, IReadOnlyList<Freeze> freezes, IReadOnlyDictionary<long, string> codes, AppLayer.Sdk.UpdateManifest? manifest)
    {
        var now = clock.GetUtcNow();
        var open = RolloutRings.OpenRings(rollout, now);
        var rings = new List<RolloutRingDto>(rollout.RingCount);
        var canary = rollout.CanaryCustomerIds.Count > 0 ? 1 : 0;
        for (var i = 0; i < rollout.RingCount; i++)
        {
            var percent = i < canary ? 0 : rollout.Percents[i - canary];
            var opensAt = i < open || rollout.State == RolloutState.Active ? RolloutRings.OpensAt(rollout, i) : (DateTimeOffset?)null;
            rings.Add(new RolloutRingDto(i, i < canary ? "canary" : percent.ToString(CultureInfo.InvariantCulture) + "%", percent, rollout.BakeHours[i], opensAt, i < open));
        }

        var warnings = new List<string>();
        if (manifest is { EffectiveDate: { } effective } && rollout.State != RolloutState.Aborted)
        {
            var reaches = RolloutRings.LastRingReaches(rollout, manifest, freezes);
            if (reaches >= effective)
            {
                var frozen = reaches != RolloutRings.PragueDay(RolloutRings.OpensAt(rollout, rollout.RingCount - 1)) ? " after the freeze" : string.Empty;
                warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"the last ring ({rings[^1].Name}) receives it on {reaches:yyyy-MM-dd}{frozen}, not before the effective date {effective:yyyy-MM-dd}: its installations stay exposed; shorten the bakes or start earlier"));
            }
        }

        if (rollout.State == RolloutState.Halted)
        {
            warnings.Add("halted: offered to no installation until a manager resumes it ('applayer rollout resume') or aborts it");
        }

        return new RolloutDto(
            rollout.PackageId,
            rollout.Version,
            rollout.State.ToName(),
            rollout.CreatedAt,
            rollout.CreatedBy,
            [.. rollout.CanaryCustomerIds.Select(id => codes.GetValueOrDefault(id, "?"))],
            rollout.HaltRate,
            rollout.HaltMinimum,
            manifest?.EffectiveDate,
            rings,
            new RolloutCountsDto(counts.Applied, counts.Failed, counts.RolledBack),
            warnings,
            [.. events.Select(e => new RolloutEventDto(e.At, e.Action, e.Actor, e.Reason))]);
    }

    private static string RingNames(Rollout rollout) =>
        (rollout.CanaryCustomerIds.Count > 0 ? "canary," : string.Empty) + string.Join(',', rollout.Percents.Select(p => p.ToString(CultureInfo.InvariantCulture) + "%"));

    private static FreezeDto ToDto(Freeze f) => new(f.Id, f.From, f.To, f.Customer, f.Reason, f.CreatedAt, f.CreatedBy);

    private static string Key(string id, string version) => id + "/" + version;
}
