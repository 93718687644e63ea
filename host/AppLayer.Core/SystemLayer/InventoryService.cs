using AppLayer.Core.Common;
using AppLayer.Core.Customers;
using AppLayer.Core.Installations;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.SystemLayer;

/// <summary>
/// The system software each installation runs, as its agent last reported it, judged against the vendors'
/// support end dates on "today" (the host's clock, UTC day): who runs software that is unsupported or soon will be.
/// </summary>
public sealed class InventoryService(
    ISystemInventoryStore inventories,
    ISupportDateStore dates,
    IInstallationStore installations,
    ICustomerStore customers,
    TimeProvider clock)
{
    private const int MaxItems = 100;
    private const int MaxWithinDays = 3650;

    /// <summary>Stores a site's inventory report once.</summary>
    /// <returns><c>true</c> the first time the report id is seen.</returns>
    /// <exception cref="UserException">A malformed report; nothing is stored.</exception>
    public async Task<bool> ReportAsync(long installationId, InventoryReportDto report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reportId = Require.Text(report.ReportId, "Report id", 200);
        if (report.Items is null || report.Items.Count == 0 || report.Items.Count > MaxItems)
        {
            throw new UserException($"An inventory report lists 1 to {MaxItems} items.");
        }

        var items = report.Items.Select(i => new InventoryItem(
            SupportDateRules.Component(i.Component),
            Require.Text(i.Version, "Version", 100),
            i.Description?.Trim() is { Length: > 0 } d ? d[..Math.Min(d.Length, 300)] : string.Empty)).ToList();
        if (items.GroupBy(i => i.Component, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new UserException($"The inventory lists component '{twice.Key}' twice.");
        }

        _ = await installations.FindByIdAsync(installationId, cancellationToken)
            ?? throw new NotFoundException("The installation of this site key no longer exists.");
        return await inventories.SaveAsync(new StoredInventory(installationId, reportId, report.At.ToUniversalTime(), items), cancellationToken);
    }

    /// <exception cref="NotFoundException">No such installation.</exception>
    public async Task<InstallationInventoryDto> GetAsync(string installationCode, int? withinDays, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(installationCode, cancellationToken)
            ?? throw new NotFoundException($"Installation '{installationCode}' does not exist.");
        var customer = await customers.FindByIdAsync(installation.CustomerId, cancellationToken);
        var stored = await inventories.FindAsync(installation.Id, cancellationToken);
        return Judge(installation.Code, customer?.Code ?? "?", stored, await dates.ListAsync(cancellationToken), Within(withinDays));
    }

    /// <returns>Each of the customer's installations with its judged inventory, by code; three queries however many there are.</returns>
    public async Task<IReadOnlyList<InstallationInventoryDto>> CustomerAsync(Customer customer, int? withinDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return await CustomerAsync(customer, await installations.ListByCustomerAsync(customer.Id, cancellationToken), withinDays, cancellationToken);
    }

    /// <returns>The same for installations the caller has read already (the customer page): two queries, reading only this customer's inventories.</returns>
    public async Task<IReadOnlyList<InstallationInventoryDto>> CustomerAsync(Customer customer, IReadOnlyList<Installation> sites, int? withinDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(sites);
        var within = Within(withinDays);
        var ids = sites.Select(i => i.Id).ToHashSet();
        var stored = (await inventories.ListByCustomerAsync(customer.Id, cancellationToken)).Where(s => ids.Contains(s.InstallationId)).ToDictionary(s => s.InstallationId);
        var known = await dates.ListAsync(cancellationToken);
        return [.. sites.Select(i => Judge(i.Code, customer.Code, stored.GetValueOrDefault(i.Id), known, within))];
    }

    /// <returns>Every installation running unsupported software or software whose support ends within the window, worst first.</returns>
    public async Task<IReadOnlyList<InstallationInventoryDto>> FlaggedAsync(int? withinDays, CancellationToken cancellationToken) =>
        [.. (await FleetAsync(withinDays, cancellationToken)).Where(i => SupportStates.IsFlagged(i.Support))];

    /// <returns>Every installation with its judged inventory (those never reported too), worst first, then by code.</returns>
    public async Task<IReadOnlyList<InstallationInventoryDto>> FleetAsync(int? withinDays, CancellationToken cancellationToken)
    {
        var within = Within(withinDays);
        var all = await installations.ListAsync(cancellationToken);
        var codes = (await customers.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Code);
        var stored = (await inventories.ListAsync(cancellationToken)).ToDictionary(s => s.InstallationId);
        var known = await dates.ListAsync(cancellationToken);
        return [.. all
            .Select(i => Judge(i.Code, codes.GetValueOrDefault(i.CustomerId, "?"), stored.GetValueOrDefault(i.Id), known, within))
            .OrderByDescending(i => SupportStates.Rank(i.Support))
            .ThenBy(i => i.Installation, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<IReadOnlyList<SupportDateDto>> ListDatesAsync(CancellationToken cancellationToken) =>
        [.. (await dates.ListAsync(cancellationToken)).Select(ToDto)];

    /// <exception cref="UserException">A bad component, cycle or name.</exception>
    public async Task<SupportDateDto> SetDateAsync(string component, string cycle, SetSupportDateRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = SupportDateRules.Component(component);
        var release = SupportDateRules.Cycle(cycle);
        var existing = (await dates.ListAsync(cancellationToken)).FirstOrDefault(d => d.Component == name && d.Cycle == release);
        var title = request.Name is null ? existing?.Name ?? $"{name} {release}" : Require.Text(request.Name, "Name", 100);
        var stored = await dates.SetAsync(new SupportDate(name, release, title, request.EndsOn, clock.GetUtcNow(), actor), cancellationToken);
        return ToDto(stored);
    }

    private InstallationInventoryDto Judge(string installation, string customer, StoredInventory? stored, IReadOnlyList<SupportDate> known, int within)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var components = stored is null ? [] : SupportAssessor.Assess(stored.Items, known, today, within);
        return new InstallationInventoryDto(installation, customer, stored?.ReportedAt, today, within, SupportAssessor.Worst(components), components);
    }

    private static int Within(int? days) => days switch
    {
        null => SupportStates.DefaultWithinDays,
        < 0 or > MaxWithinDays => throw new UserException($"within must be 0 to {MaxWithinDays} days, not {days}."),
        { } d => d,
    };

    private static SupportDateDto ToDto(SupportDate d) => new(d.Component, d.Cycle, d.Name, d.EndsOn, d.UpdatedAt, d.UpdatedBy);
}
