using AppLayer.Core.Agreements;
using AppLayer.Core.Billing;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Mail;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Core.ServiceDesk.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Storage.Stores.ServiceDesk;

internal static class ServiceDeskStorageExtensions
{
    /// <summary>The SQLite stores of agreements with terms, contacts, tickets, the outbox, work and issued statements (each a <c>TryAdd</c>).</summary>
    public static IServiceCollection AddServiceDeskStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IContactStore, SqliteContactStore>();
        services.TryAddSingleton<ITicketStore, SqliteTicketStore>();
        services.TryAddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.TryAddSingleton<IWorkStore, SqliteWorkStore>();
        services.TryAddSingleton<IStatementStore, SqliteStatementStore>();
        return services;
    }
}
