using AppLayer.Core.Service;
using AppLayer.Core.Service.Agreements;
using AppLayer.Core.Service.Contacts;
using AppLayer.Core.Service.Statements;
using AppLayer.Core.Service.Tickets;
using AppLayer.Core.Service.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Host.ServiceDesk;

public static class ServiceDeskExtensions
{
    /// <summary>The Core service-desk services: agreements with terms, contacts, tickets, escalation, work, time and statements.</summary>
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        services.TryAddSingleton(new ServiceDeskSettings());
        services.TryAddSingleton<ServiceDeskDirectory>();
        services.TryAddSingleton<AgreementService>();
        services.TryAddSingleton<ContactService>();
        services.TryAddSingleton<TicketService>();
        services.TryAddSingleton<EscalationService>();
        services.TryAddSingleton<EscalationRunner>();
        services.TryAddSingleton<WorkService>();
        services.TryAddSingleton<TimeService>();
        services.TryAddSingleton<StatementService>();
        services.TryAddSingleton<IncomingMail>();
        return services;
    }

    /// <summary>Mail: the outbox sender and the background jobs (outbox and escalation) when an SMTP host is set.</summary>
    public static IServiceCollection AddServiceDeskMail(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<MailOptions>().Bind(section.GetSection("Mail"))
            .Validate(o => o.SmtpPort is > 0 and < 65536, "AppLayer:Mail:SmtpPort must be a TCP port.")
            .ValidateOnStart();
        services.TryAddSingleton<OutboxSender>();
        services.AddHostedService<ServiceDeskJobs>();
        return services;
    }
}
