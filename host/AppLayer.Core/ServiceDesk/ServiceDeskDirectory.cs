using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Protocol;

namespace AppLayer.Core.ServiceDesk;

/// <summary>Finds customers and the agreement in force for the service-desk services, with one clear message when either is missing.</summary>
public sealed class ServiceDeskDirectory(ICustomerStore customers, IServiceAgreementStore agreements)
{
    public async Task<Customer> CustomerAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new UserException("A customer is required.");
        }

        return await customers.FindAsync(code.Trim(), cancellationToken)
            ?? throw new NotFoundException($"Customer '{code.Trim()}' does not exist.");
    }

    public async Task<Customer> CustomerAsync(long id, CancellationToken cancellationToken) =>
        await customers.FindByIdAsync(id, cancellationToken)
        ?? throw new InvalidOperationException($"Customer {id} vanished.");

    public Task<AgreementHistory> HistoryAsync(Customer customer, CancellationToken cancellationToken) =>
        agreements.HistoryAsync(customer.Id, cancellationToken);

    /// <returns>The agreement in force on <paramref name="day"/>.</returns>
    /// <exception cref="UserException">The customer has none then.</exception>
    public async Task<ServiceAgreement> AgreementAsync(Customer customer, DateOnly day, CancellationToken cancellationToken) =>
        (await agreements.HistoryAsync(customer.Id, cancellationToken)).On(day)
        ?? throw new UserException($"Customer '{customer.Code}' has no service agreement in force on {day:yyyy-MM-dd}.");

    /// <summary>Today in the service's time zone (Europe/Prague).</summary>
    public static DateOnly Day(DateTimeOffset at)
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb[Calendar.CoverageCalendar.DefaultZoneId];
        var date = NodaTime.Instant.FromDateTimeOffset(at).InZone(zone).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
