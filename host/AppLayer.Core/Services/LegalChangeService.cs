using System.Globalization;
using AppLayer.Core.Api;
using AppLayer.Core.Model;
using AppLayer.Core.Stores;

namespace AppLayer.Core.Services;

/// <summary>Records legal changes and writes a history event for each customer a change concerns.</summary>
public sealed class LegalChangeService(
    ILegalChangeStore changes,
    ICustomerStore customers,
    IAgreementStore agreements,
    IInstallationStore installations,
    TimeProvider time)
{
    public async Task<LegalChangeDto> RecordAsync(CreateLegalChangeRequest request, CancellationToken cancellationToken)
    {
        var change = new LegalChange(
            0,
            Require.Text(request.Reference, "Legal reference", 200),
            Require.Text(request.Title, "Title"),
            Require.Text(request.Jurisdiction, "Jurisdiction", 50),
            Require.Text(request.Area, "Area", 100),
            request.EffectiveDate,
            Require.Names(request.Modules, "A module"),
            time.GetUtcNow());

        var events = await EventsForAsync(change, cancellationToken);
        var stored = await changes.AddAsync(change, events, cancellationToken)
            ?? throw new ConflictException($"Legal change '{change.Reference}' ({change.Jurisdiction}) is recorded already.");
        return stored.ToDto();
    }

    public async Task<IReadOnlyList<LegalChangeDto>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await changes.ListAsync(cancellationToken)).Select(c => c.ToDto())];

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
