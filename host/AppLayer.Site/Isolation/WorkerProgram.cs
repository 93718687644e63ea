using AppLayer.Protocol;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AppLayer.Protocol.Api;
using AppLayer.Sdk;
using AppLayer.Site.Agent;
using AppLayer.Site.Plugins;
using AppLayer.Site.Reporting;
using NuGet.Versioning;

namespace AppLayer.Site.Isolation;

/// <summary>
/// The worker process's body: reads one <see cref="WorkerRequest"/> line from stdin, loads the plugin
/// into its own unloadable context, runs it against the database in one transaction and writes
/// <see cref="WorkerMessage"/> lines to stdout. When stdin closes (the agent is gone) the worker
/// ends at once, so nothing it had not committed yet ever is.
/// </summary>
public static class WorkerProgram
{
    /// <summary>Exit code when stdin held no request.</summary>
    public const int NoRequest = 64;

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        var protocol = new StreamWriter(output, new UTF8Encoding(false));
        Console.SetOut(Console.Error); // whatever a plugin prints must not reach the protocol
        var reader = new StreamReader(input, Encoding.UTF8);
        var line = await reader.ReadLineAsync();
        var request = line is null ? null : JsonSerializer.Deserialize<WorkerRequest>(line, WorkerJson.Options);
        if (request is null)
        {
            return NoRequest;
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watchdog = new Thread(() => EndWhenAgentIsGone(reader, go)) { IsBackground = true, Name = "agent watchdog" };
        watchdog.Start();

        var log = new ProtocolLog(protocol);
        UpdateOutcome outcome;
        try
        {
            outcome = await RunAsync(request, log, go.Task);
        }
#pragma warning disable CA1031 // anything that stops the plugin from loading is that update's failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = UpdateOutcome.Failed(UpdateStep.Load, ex.Message);
        }

        log.Send(new WorkerMessage(WorkerMessage.Outcome, Succeeded: outcome.Succeeded, Step: outcome.Step, Message: outcome.Message, Tampered: outcome.Tampered));
        return 0;
    }

    private static async Task<UpdateOutcome> RunAsync(WorkerRequest request, ProtocolLog log, Task go)
    {
        var manifest = UpdateManifest.Parse(request.Manifest);
        if (request is { Mode: WorkerMode.Apply, HoldUntilGo: true })
        {
            return await HeldAsync(request, manifest, log, go);
        }

        using var loaded = LoadedUpdate.Load(request.PackageFolder, manifest);
        if (request is { Mode: WorkerMode.Apply, Snapshot: { } snapshot } && loaded.Update is not IReversibleUpdate)
        {
            // Without a down step the only way back is the database as it was: copy it before the transaction.
            await IsDatabase.BackupAsync(request.Database, snapshot, CancellationToken.None);
        }

        await using var connection = IsDatabase.Open(request.Database);
        var runner = new UpdateRunner(new ShiftedClock(request.Now));
        return request.Mode switch
        {
            WorkerMode.Apply => await runner.RunAsync(connection, loaded.Update, request.Installation, log, (transaction, verified, ct) => RecordAsync(connection, transaction, request, manifest, log, verified, ct)),
            WorkerMode.Rehearse => await runner.RunAsync(connection, loaded.Update, request.Installation, log),
            WorkerMode.Revert => await Reverter.RunAsync(connection, loaded.Update, request, manifest, log),
            _ => UpdateOutcome.Failed(UpdateStep.Load, $"unknown worker mode {request.Mode}"),
        };
    }

    /// <summary>
    /// The apply that holds the database's write lock from before the agent's snapshot and rehearsal until it
    /// commits: the transaction begins before the plugin is loaded (none of its code has run yet), the agent is told,
    /// and the plugin runs in that same transaction once the agent says go. Until then nothing but this transaction
    /// can write to the database (a rehearsing plugin that opens it gets "database is locked").
    /// </summary>
    private static async Task<UpdateOutcome> HeldAsync(WorkerRequest request, UpdateManifest manifest, ProtocolLog log, Task go)
    {
        await using var connection = IsDatabase.Open(request.Database);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, now
        log.Send(new WorkerMessage(WorkerMessage.Locked));
        await go; // the watchdog ends this process when stdin closes instead
        using var loaded = LoadedUpdate.Load(request.PackageFolder, manifest);
        var runner = new UpdateRunner(new ShiftedClock(request.Now));
        return await runner.RunInAsync(connection, transaction, loaded.Update, request.Installation, log, (tx, verified, ct) => RecordAsync(connection, tx, request, manifest, log, verified, ct), null, CancellationToken.None);
    }

    private static async Task RecordAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, WorkerRequest request, UpdateManifest manifest, ProtocolLog log, string verified, CancellationToken cancellationToken)
    {
        var version = NuGetVersion.Parse(manifest.Version).ToNormalizedString();
        var lines = log.Lines.Append("verified: " + verified);
        if (request.Note is not null)
        {
            lines = lines.Append(request.Note);
        }

        var message = Truncate(string.Join("; ", lines));
        var entry = new HistoryEntry(manifest.Id, version, request.Sha512, manifest.Kind.ToString(), manifest.Title, manifest.LegalReferences, message, request.Now, request.ReportId, null);
        await SiteDatabase.InsertHistoryAsync(connection, transaction, entry, cancellationToken);
        var report = new DeploymentReportDto(request.ReportId, manifest.Id, version, DeploymentStatus.Applied.ToName(), message, request.Sha512, request.Now);
        await OutboxTable.InsertAsync(connection, transaction, report, cancellationToken);
    }

    internal static string Truncate(string message) => message.Length <= 4000 ? message : message[..3997] + "...";

    private static void EndWhenAgentIsGone(StreamReader reader, TaskCompletionSource go)
    {
        try
        {
            while (reader.ReadLine() is { } line)
            {
                // the agent sends nothing more but a held worker's go; EOF means it is gone (or let it not go)
                if (line == WorkerMessage.Go)
                {
                    go.TrySetResult();
                }
            }
        }
        catch (IOException)
        {
            // the pipe broke: the agent is gone
        }

        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
