using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AppLayer.Host.ServiceDesk;

public static class ServiceDeskExtensions
{
    /// <summary>The host's part of the service desk: the escalation runner and incoming mail (the Core services come with <c>AddAppLayerCore</c>).</summary>
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        services.TryAddSingleton<EscalationRunner>();
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
