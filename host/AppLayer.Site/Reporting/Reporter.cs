using AppLayer.Core.Api;
using AppLayer.Core.Model;
using AppLayer.Site.Agent;

namespace AppLayer.Site.Reporting;

/// <summary>
/// Sends every unreported history row and every outbox file to the host. The report id was fixed
/// when the row or file was made, so sending one again is harmless; only a 2xx marks it sent.
/// </summary>
internal sealed class Reporter
{
    private readonly SiteDatabase _database;
    private readonly Outbox _outbox;
    private readonly TimeProvider _clock;
    private readonly TextWriter _output;

    public Reporter(SiteDatabase database, Outbox outbox, TimeProvider clock, TextWriter output)
    {
        _database = database;
        _outbox = outbox;
        _clock = clock;
        _output = output;
    }

    public async Task<ReportResult> SendAsync(HostClient client, CancellationToken cancellationToken)
    {
        var applied = await _database.ReadHistoryAsync(unreportedOnly: true, cancellationToken);
        var failed = _outbox.List();
        var waiting = new List<(DeploymentReportDto Report, Func<Task> MarkSent)>();
        foreach (var entry in applied)
        {
            var report = new DeploymentReportDto(entry.ReportId, entry.PackageId, entry.Version, DeploymentStatus.Applied.ToName(), entry.Message, entry.Sha512, entry.AppliedAt);
            waiting.Add((report, () => _database.MarkReportedAsync(entry.ReportId, _clock.GetUtcNow(), cancellationToken)));
        }

        foreach (var (path, report) in failed)
        {
            waiting.Add((report, () =>
            {
                Outbox.Remove(path);
                return Task.CompletedTask;
            }));
        }

        var sent = 0;
        foreach (var (report, markSent) in waiting)
        {
            try
            {
                var (accepted, problem) = await client.SendReportAsync(report, cancellationToken);
                if (accepted)
                {
                    await markSent();
                    sent++;
                }
                else
                {
                    await _output.WriteLineAsync($"warning: the host refused the report on {report.PackageId} {report.Version} ({problem}); kept for the next run.");
                }
            }
            catch (HostUnreachableException ex)
            {
                await _output.WriteLineAsync($"warning: {ex.Message}; {waiting.Count - sent} report(s) kept for the next run.");
                return new ReportResult(sent, waiting.Count - sent);
            }
        }

        if (sent > 0)
        {
            await _output.WriteLineAsync($"reported {sent} result(s) to {client.Host}");
        }

        return new ReportResult(sent, waiting.Count - sent);
    }
}
