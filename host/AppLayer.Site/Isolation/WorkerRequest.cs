using AppLayer.Sdk;

namespace AppLayer.Site.Isolation;

/// <summary>What the agent asks a worker process to do, sent as one JSON line on its stdin.</summary>
/// <param name="Mode">What to run: <see cref="WorkerMode"/>.</param>
/// <param name="Database">The SQLite file to change (the IS database, or a rehearsal copy of it).</param>
/// <param name="PackageFolder">The extracted, verified package.</param>
/// <param name="Manifest">The package's manifest, as JSON.</param>
/// <param name="Sha512">The package's SHA-512 (base64), recorded in history and the report.</param>
/// <param name="Installation">Facts the update may read.</param>
/// <param name="ReportId">The report id (the idempotency key) of the history and outbox rows.</param>
/// <param name="Now">The agent's clock when the request was made.</param>
/// <param name="Note">Added to the history message and the report (e.g. an emergency override).</param>
/// <param name="Snapshot">Where to copy the database before applying an update that has no down step; null for none.</param>
/// <param name="HoldUntilGo">
/// Apply only: begin the transaction (<c>BEGIN IMMEDIATE</c>, the database's write lock) before the plugin is even
/// loaded, say <see cref="WorkerMessage.Locked"/>, and wait for the agent's <see cref="WorkerMessage.Go"/> line; while
/// it waits, the agent snapshots and rehearses under that lock. Anything else (stdin closed) ends the worker with
/// nothing done.
/// </param>
internal sealed record WorkerRequest(
    WorkerMode Mode,
    string Database,
    string PackageFolder,
    string Manifest,
    string Sha512,
    InstallationFacts Installation,
    string ReportId,
    DateTimeOffset Now,
    string? Note,
    string? Snapshot = null,
    bool HoldUntilGo = false);

/// <summary>What a worker runs.</summary>
internal enum WorkerMode
{
    /// <summary>Preflight, apply, verify, history row and outbox row in one transaction.</summary>
    Apply,

    /// <summary>The same on a rehearsal copy: no history or outbox rows.</summary>
    Rehearse,

    /// <summary>The update's down step, its verify, the history change and the outbox row in one transaction.</summary>
    Revert,
}
