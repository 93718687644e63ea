using System.Globalization;
using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Core.ServiceDesk;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.LegalChanges;

/// <summary>
/// Legal changes as work items: recording (with a history event for each customer a change
/// concerns), field updates, the status workflow, package links and imports; every change of a
/// field or status goes to the change's audit trail with who did it and when.
/// </summary>
public sealed class LegalChangeService(
    ILegalChangeStore changes,
    ICustomerStore customers,
    IAgreementStore agreements,
    IInstallationStore installations,
    IPackageStore packages,
    DeploymentTracker tracker,
    TimeProvider time)
{
    /// <summary>Records a new change, or merges it into the change holding its reference when the request asks to.</summary>
    /// <returns>The change and whether it was created (<c>false</c>: merged).</returns>
    public async Task<(LegalChangeDto Change, bool Created)> RecordAsync(CreateLegalChangeRequest request, string actor, CancellationToken cancellationToken)
    {
        var (change, created) = await RecordChangeAsync(request, null, actor, cancellationToken);
        return (await ToDtoAsync(change, cancellationToken), created);
    }

    public async Task<IReadOnlyList<LegalChangeDto>> ListAsync(CancellationToken cancellationToken)
    {
        var feed = await packages.ListAsync(cancellationToken);
        var links = await changes.ListLinksAsync(cancellationToken);
        return [.. (await changes.ListAsync(cancellationToken)).Select(c => c.ToDto(LegalChangePackages.For(c, feed, links)))];
    }

    public async Task<LegalChangeDto> GetAsync(long id, CancellationToken cancellationToken) =>
        await ToDtoAsync(await FindAsync(id, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<LegalChangeAuditDto>> AuditAsync(long id, CancellationToken cancellationToken)
    {
        await FindAsync(id, cancellationToken);
        return [.. (await changes.ListAuditAsync(id, cancellationToken)).Select(a => new LegalChangeAuditDto(a.At, a.Actor, a.Field, a.OldValue, a.NewValue))];
    }

    public async Task<LegalChangeDto> UpdateAsync(long id, UpdateLegalChangeRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var before = await FindAsync(id, cancellationToken);
        var clear = Require.Names(request.Clear, "A field to clear");
        foreach (var field in clear.Where(f => f is not ("source" or "announced" or "transition-end" or "assignee")))
        {
            throw new UserException($"Field '{field}' cannot be cleared; only source, announced, transition-end and assignee can.");
        }

        var after = before with
        {
            Title = request.Title is null ? before.Title : Require.Text(request.Title, "Title"),
            References = request.References is null ? before.References : LegalChangeRules.References(request.References),
            Jurisdiction = request.Jurisdiction is null ? before.Jurisdiction : LegalChangeRules.Jurisdiction(request.Jurisdiction),
            Area = request.Area is null ? before.Area : LegalChangeRules.Area(request.Area),
            SourceUrl = clear.Contains("source") ? null : LegalChangeRules.SourceUrl(request.SourceUrl) ?? before.SourceUrl,
            AnnouncedOn = clear.Contains("announced") ? null : request.AnnouncedOn ?? before.AnnouncedOn,
            EffectiveDate = request.EffectiveDate ?? before.EffectiveDate,
            TransitionEndsOn = clear.Contains("transition-end") ? null : request.TransitionEndsOn ?? before.TransitionEndsOn,
            Modules = request.Modules is null ? before.Modules : Require.Names(request.Modules, "A module"),
            Assignee = clear.Contains("assignee") ? null : LegalChangeRules.Assignee(request.Assignee) ?? before.Assignee,
        };
        return await ToDtoAsync(await SaveAsync(before, after, actor, cancellationToken), cancellationToken);
    }

    /// <exception cref="ConflictException">The workflow does not allow the step; the message lists the allowed ones.</exception>
    public async Task<LegalChangeDto> SetStatusAsync(long id, SetLegalChangeStatusRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = LegalChangeStatusNames.Parse(request.Status);
        var before = await FindAsync(id, cancellationToken);
        LegalChangeWorkflow.Check(before.Status, target);
        var reason = target == LegalChangeStatus.NotApplicable
            ? Require.Text(request.Reason, "A reason why the change is not applicable", 1000)
            : null;
        await SaveAsync(before, before with { Status = target, StatusReason = reason }, actor, cancellationToken);
        if (target == LegalChangeStatus.Released)
        {
            await tracker.ReconcileAsync(cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Links an update package (every version of it) to the change explicitly.</summary>
    public async Task<LegalChangeDto> LinkPackageAsync(long id, LinkPackageRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = await FindAsync(id, cancellationToken);
        var wanted = Require.Text(request.PackageId, "Package id", 100);
        var package = (await packages.ListAsync(cancellationToken)).FirstOrDefault(p => p.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserException($"Package {wanted} is not in the feed.");
        var now = time.GetUtcNow();
        var audit = new LegalChangeAudit(0, change.Id, now, actor, "packages", null, $"+{package.Id}");
        if (await changes.LinkPackageAsync(new LegalChangePackageLink(change.Id, package.Id, now, actor), audit, cancellationToken))
        {
            await tracker.ReconcileAsync(cancellationToken);
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<LegalChangeDto> UnlinkPackageAsync(long id, string packageId, string actor, CancellationToken cancellationToken)
    {
        var change = await FindAsync(id, cancellationToken);
        var audit = new LegalChangeAudit(0, change.Id, time.GetUtcNow(), actor, "packages", $"-{packageId}", null);
        if (!await changes.UnlinkPackageAsync(change.Id, packageId, audit, cancellationToken))
        {
            throw new NotFoundException($"Package {packageId} is not linked explicitly to legal change {id}.");
        }

        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Creates a change from another system the first time its external id is seen, and updates
    /// its fields (never its status) every later time.
    /// </summary>
    public async Task<ImportedLegalChangeDto> ImportAsync(ImportLegalChangeRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Change);
        var externalId = Require.Text(request.ExternalId, "External id", 300);
        var existing = await changes.FindByExternalIdAsync(externalId, cancellationToken);
        if (existing is null)
        {
            var (change, created) = await RecordChangeAsync(request.Change, externalId, actor, cancellationToken);
            return new ImportedLegalChangeDto(created ? "created" : "merged", await ToDtoAsync(change, cancellationToken));
        }

        var incoming = FromRequest(request.Change, externalId, existing.RecordedAt);
        var after = existing with
        {
            Title = incoming.Title,
            References = incoming.References,
            Jurisdiction = incoming.Jurisdiction,
            Area = incoming.Area,
            SourceUrl = incoming.SourceUrl,
            AnnouncedOn = incoming.AnnouncedOn,
            EffectiveDate = incoming.EffectiveDate,
            TransitionEndsOn = incoming.TransitionEndsOn,
            Modules = incoming.Modules,
            Assignee = incoming.Assignee,
        };
        var saved = await SaveAsync(existing, after, actor, cancellationToken);
        return new ImportedLegalChangeDto(saved.Revision == existing.Revision ? "unchanged" : "updated", await ToDtoAsync(saved, cancellationToken));
    }

    private async Task<(LegalChange Change, bool Created)> RecordChangeAsync(CreateLegalChangeRequest request, string? externalId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = FromRequest(request, externalId, time.GetUtcNow());
        var holders = await changes.FindByReferencesAsync(change.Jurisdiction, change.References, cancellationToken);
        if (holders.Count > 0)
        {
            if (!request.Merge)
            {
                throw new ConflictException($"{Duplicates(change, holders)}; send it with merge to add it to that change.");
            }

            if (holders.Count > 1)
            {
                throw new ConflictException($"{Duplicates(change, holders)}; a merge needs a single change to merge into.");
            }

            return (await MergeAsync(holders[0], change, actor, cancellationToken), false);
        }

        var stored = await changes.AddAsync(change, await EventsForAsync(change, cancellationToken), LegalChangeDiff.Recorded(change, actor), cancellationToken)
            ?? throw new ConflictException($"Legal change '{change.Reference}' ({change.Jurisdiction}) is recorded already.");
        return (stored, true);
    }

    private async Task<LegalChange> MergeAsync(LegalChange into, LegalChange incoming, string actor, CancellationToken cancellationToken)
    {
        if (incoming.ExternalId is not null && into.ExternalId is not null && !incoming.ExternalId.Equals(into.ExternalId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException($"Legal change {into.Id} ('{into.Reference}') was imported from {into.ExternalId} already; it cannot also be {incoming.ExternalId}.");
        }

        var merged = into with
        {
            References = [.. into.References.Concat(incoming.References).Distinct(LegalReferences.Comparer)],
            Modules = [.. into.Modules.Concat(incoming.Modules).Distinct(StringComparer.Ordinal)],
            SourceUrl = into.SourceUrl ?? incoming.SourceUrl,
            AnnouncedOn = into.AnnouncedOn ?? incoming.AnnouncedOn,
            TransitionEndsOn = into.TransitionEndsOn ?? incoming.TransitionEndsOn,
            Assignee = into.Assignee ?? incoming.Assignee,
            ExternalId = into.ExternalId ?? incoming.ExternalId,
        };
        return await SaveAsync(into, merged, actor, cancellationToken);
    }

    /// <summary>Saves a new state of a change with one audit line per changed field; no change, no write.</summary>
    private async Task<LegalChange> SaveAsync(LegalChange before, LegalChange after, string actor, CancellationToken cancellationToken)
    {
        LegalChangeRules.Dates(after.AnnouncedOn, after.EffectiveDate, after.TransitionEndsOn);
        var now = time.GetUtcNow();
        var audit = LegalChangeDiff.Between(before, after, actor, now);
        if (audit.Count == 0)
        {
            return before;
        }

        var others = (await changes.FindByReferencesAsync(after.Jurisdiction, after.References, cancellationToken)).Where(c => c.Id != before.Id).ToList();
        if (others.Count > 0)
        {
            throw new ConflictException(Duplicates(after, others) + ".");
        }

        var saved = after with { UpdatedAt = now };
        return await changes.UpdateAsync(saved, audit, cancellationToken) switch
        {
            LegalChangeSaveResult.Saved => saved with { Revision = before.Revision + 1 },
            LegalChangeSaveResult.Stale => throw new ConflictException($"Legal change {before.Id} was changed meanwhile; read it again and retry."),
            _ => throw new ConflictException($"A reference or the external id of legal change {before.Id} belongs to another change."),
        };
    }

    private static LegalChange FromRequest(CreateLegalChangeRequest request, string? externalId, DateTimeOffset now)
    {
        var change = new LegalChange
        {
            References = LegalChangeRules.References([request.Reference, .. request.References ?? []]),
            Title = Require.Text(request.Title, "Title"),
            Jurisdiction = LegalChangeRules.Jurisdiction(request.Jurisdiction),
            Area = LegalChangeRules.Area(request.Area),
            SourceUrl = LegalChangeRules.SourceUrl(request.SourceUrl),
            AnnouncedOn = request.AnnouncedOn,
            EffectiveDate = request.EffectiveDate == default ? throw new UserException("Effective date is required.") : request.EffectiveDate,
            TransitionEndsOn = request.TransitionEndsOn,
            Modules = Require.Names(request.Modules, "A module"),
            Assignee = LegalChangeRules.Assignee(request.Assignee),
            ExternalId = externalId,
            RecordedAt = now,
            UpdatedAt = now,
        };
        LegalChangeRules.Dates(change.AnnouncedOn, change.EffectiveDate, change.TransitionEndsOn);
        return change;
    }

    private static string Duplicates(LegalChange change, IReadOnlyList<LegalChange> holders)
    {
        var parts = holders.Select(h =>
        {
            var shared = change.References.Where(r => h.References.Contains(r, LegalReferences.Comparer));
            return string.Create(CultureInfo.InvariantCulture, $"'{string.Join("', '", shared)}' ({change.Jurisdiction}) is recorded already as legal change {h.Id}");
        });
        return string.Join("; ", parts);
    }

    private async Task<LegalChange> FindAsync(long id, CancellationToken cancellationToken) =>
        await changes.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"Legal change {id} does not exist.");

    private async Task<LegalChangeDto> ToDtoAsync(LegalChange change, CancellationToken cancellationToken) =>
        change.ToDto(LegalChangePackages.For(change, await packages.ListAsync(cancellationToken), await changes.ListLinksAsync(cancellationToken)));

    private async Task<IReadOnlyList<HistoryEvent>> EventsForAsync(LegalChange change, CancellationToken cancellationToken)
    {
        var current = (await agreements.ListCurrentAsync(cancellationToken)).ToDictionary(a => a.CustomerId);
        var sites = (await installations.ListAsync(cancellationToken)).ToLookup(i => i.CustomerId);
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{change.Title}; effective {change.EffectiveDate:yyyy-MM-dd}; {change.Area}");

        var events = new List<HistoryEvent>();
        foreach (var customer in await customers.ListAsync(cancellationToken))
        {
            if (Entitlement.Concerns(change, current.GetValueOrDefault(customer.Id), sites[customer.Id]))
            {
                events.Add(new HistoryEvent(
                    0,
                    customer.Id,
                    change.RecordedAt,
                    HistoryKinds.LegalChange,
                    null,
                    $"{change.Reference} ({change.Jurisdiction})",
                    detail)
                {
                    Modules = change.Modules,
                    LegalReferences = [change.Reference],
                });
            }
        }

        return events;
    }
}
