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
            .Validate(o => string.IsNullOrEmpty(o.Password) || !string.IsNullOrWhiteSpace(o.UserName), "AppLayer:Mail:Password needs AppLayer:Mail:UserName.")
            .Validate(o => string.IsNullOrWhiteSpace(o.UserName) || o.Security != SmtpSecurity.None, "AppLayer:Mail:UserName needs a secured connection (AppLayer:Mail:Security StartTls, Tls or WhenAvailable), not None.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TrustedCertificate) || File.Exists(o.TrustedCertificate), "AppLayer:Mail:TrustedCertificate names no file.")
            .ValidateOnStart();
        services.TryAddSingleton<OutboxSender>();
        services.AddHostedService<ServiceDeskJobs>();
        return services;
    }
}
