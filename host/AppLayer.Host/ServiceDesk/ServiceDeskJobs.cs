using Microsoft.Extensions.Hosting;

namespace AppLayer.Host.ServiceDesk;

/// <summary>Runs escalation checks and the outbox every <see cref="MailOptions.PollInterval"/>, when an SMTP host is set.</summary>
internal sealed class ServiceDeskJobs(EscalationRunner escalation, OutboxSender sender, IOptions<MailOptions> options, ILogger<ServiceDeskJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await escalation.RunAsync(stoppingToken);
                await sender.SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EscalationLog.JobsFailed(logger, ex, options.Value.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
