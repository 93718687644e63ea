using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using AppLayer.Protocol.Client;
using AppLayer.Site.Agent;

namespace AppLayer.Site.Reporting;

/// <summary>
/// Sends every unsent row of <c>applayer_outbox</c> (changes made here) and every failure file of the
/// sidecar outbox (failures leave the IS database untouched, so their reports live beside it). The
/// report id is the idempotency key, fixed when the report was made, so sending one again is
/// harmless; only a 2xx marks it sent. While the host cannot be reached each report is tried again
/// after the configured waits (backoff); then the rest wait for the next run.
/// </summary>
internal sealed class Reporter
{
    private readonly SiteDatabase _database;
    private readonly Outbox _outbox;
    private readonly SiteAgentOptions _options;

    public Reporter(SiteDatabase database, Outbox outbox, SiteAgentOptions options)
    {
        _database = database;
        _outbox = outbox;
        _options = options;
    }

    private TextWriter Output => _options.Output;

    /// <param name="client">The host.</param>
    /// <param name="cancellationToken">Cancels sending; what was not sent is kept.</param>
    /// <param name="filesOnly">Send only the sidecar files (the IS database is damaged and is not read).</param>
    public async Task<ReportResult> SendAsync(AppLayerClient client, CancellationToken cancellationToken, bool filesOnly = false)
    {
        await using var connection = _database.Connect();
        var waiting = new List<(DeploymentReportDto Report, Func<Task> MarkSent, Func<string, Task> MarkTried)>();
        if (!filesOnly)
        {
            await connection.OpenAsync(cancellationToken);
        }

        foreach (var report in filesOnly ? [] : await OutboxTable.UnsentAsync(connection, cancellationToken))
        {
            waiting.Add((
                report,
                () => OutboxTable.MarkSentAsync(connection, report.ReportId, _options.Clock.GetUtcNow(), cancellationToken),
                error => OutboxTable.MarkAttemptAsync(connection, report.ReportId, error, cancellationToken)));
        }

        foreach (var (path, report) in _outbox.List())
        {
            waiting.Add((report, () =>
            {
                Outbox.Remove(path);
                return Task.CompletedTask;
            }, _ => Task.CompletedTask));
        }

        var sent = 0;
        foreach (var (report, markSent, markTried) in waiting)
        {
            var (accepted, problem, unreachable) = await SendWithBackoffAsync(client, report, cancellationToken);
            if (accepted)
            {
                await markSent();
                sent++;
                continue;
            }

            await markTried(problem);
            if (unreachable)
            {
                await Output.WriteLineAsync($"warning: {problem}; {waiting.Count - sent} report(s) kept for the next run.");
                return new ReportResult(sent, waiting.Count - sent);
            }

            await Output.WriteLineAsync($"warning: the host refused the report on {report.PackageId} {report.Version} ({problem}); kept for the next run.");
        }

        if (sent > 0)
        {
            await Output.WriteLineAsync($"reported {sent} result(s) to {client.BaseAddress}");
        }

        return new ReportResult(sent, waiting.Count - sent);
    }

    private async Task<(bool Accepted, string Problem, bool Unreachable)> SendWithBackoffAsync(AppLayerClient client, DeploymentReportDto report, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (accepted, problem) = await client.SendReportAsync(report, cancellationToken);
                return (accepted, problem, false);
            }
            catch (HostUnreachableException ex)
            {
                if (attempt >= _options.ReportRetryDelays.Count)
                {
                    return (false, ex.Message, true);
                }

                var wait = _options.ReportRetryDelays[attempt];
                await Output.WriteLineAsync($"warning: {ex.Message}; trying again in {wait.TotalSeconds:0.##} s");
                await Task.Delay(wait, cancellationToken);
            }
        }
    }
}
