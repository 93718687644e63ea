using AppLayer.Core.Agreements;
using AppLayer.Core.Billing;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Core.ServiceDesk.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Core.ServiceDesk;

public static class ServiceDeskServiceCollectionExtensions
{
    /// <summary>The service desk: agreements with terms, contacts, tickets, escalation, work, time and statements.</summary>
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        services.TryAddSingleton(new ServiceDeskSettings());
        services.TryAddSingleton<ServiceDeskDirectory>();
        services.TryAddSingleton<AgreementService>();
        services.TryAddSingleton<AgreementsInForce>();
        services.TryAddSingleton<ContactService>();
        services.TryAddSingleton<TicketService>();
        services.TryAddSingleton<EscalationService>();
        services.TryAddSingleton<WorkService>();
        services.TryAddSingleton<TimeService>();
        services.TryAddSingleton<StatementService>();

        return services;
    }
}
