using AppLayer.Core.ServiceDesk;

namespace AppLayer.Core.Agreements;

/// <summary>The agreement in force today (in the service's time zone), for one customer or for all.</summary>
public sealed class AgreementsInForce(IAgreementStore agreements, TimeProvider time)
{
    /// <returns>The version in force today, or <c>null</c> when none is yet (or the customer never signed).</returns>
    public async Task<Agreement?> FindAsync(long customerId, CancellationToken cancellationToken) =>
        (await agreements.HistoryAsync(customerId, cancellationToken)).On(Today)?.Agreement;

    /// <returns>The agreement in force today for every customer that has one, by customer id.</returns>
    public async Task<IReadOnlyList<Agreement>> ListAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        return [.. (await agreements.HistoriesAsync(cancellationToken)).Values
            .Select(h => h.On(today)?.Agreement)
            .OfType<Agreement>()
            .OrderBy(a => a.CustomerId)];
    }

    private DateOnly Today => ServiceDeskDirectory.Day(time.GetUtcNow());
}
