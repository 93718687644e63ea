using Microsoft.Extensions.Hosting;

namespace AppLayer.Host.ServiceDesk;

/// <summary>
/// Runs escalation checks every <see cref="MailOptions.PollInterval"/>, always (the notices go to the
/// tickets' history and the dashboard), and sends the outbox when an SMTP host is set; without one
/// the mails wait in the outbox.
/// </summary>
internal sealed class ServiceDeskJobs(EscalationRunner escalation, OutboxSender sender, IOptions<MailOptions> options, ILogger<ServiceDeskJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mail = !string.IsNullOrWhiteSpace(options.Value.SmtpHost);
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await escalation.RunAsync(stoppingToken);
                if (mail)
                {
                    await sender.SendDueAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EscalationLog.JobsFailed(logger, ex, options.Value.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
