using AppLayer.Core.Customers;
using AppLayer.Core.LegalChanges;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Compliance;

/// <summary>The compliance radar over the stored fleet; the day defaults to today (Europe/Prague) by the clock. Eight queries, however large the fleet.</summary>
public sealed class ComplianceService(ILegalChangeStore changes, ICustomerStore customers, FleetReader fleet, TimeProvider time)
{
    public async Task<ComplianceReportDto> RadarAsync(DateOnly? at, int? horizonDays, string? customer, CancellationToken cancellationToken)
    {
        string? customerCode = null;
        if (!string.IsNullOrWhiteSpace(customer))
        {
            customerCode = (await customers.FindAsync(customer.Trim(), cancellationToken)
                ?? throw new NotFoundException($"Customer '{customer.Trim()}' does not exist.")).Code;
        }

        return ComplianceRadar.Compute(
            await changes.ListAsync(cancellationToken),
            await fleet.ReadAsync(cancellationToken),
            at ?? SupplierCalendar.Today(time),
            horizonDays ?? ComplianceRadar.DefaultHorizonDays,
            customerCode,
            await changes.ListStatusAuditAsync(cancellationToken));
    }
}
