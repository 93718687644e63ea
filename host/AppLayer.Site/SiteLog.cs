using Microsoft.Extensions.Logging;

namespace AppLayer.Site;

/// <summary>Log lines of the site agent's steps: pull, verify, plan, rehearse, apply, report (event ids 4200–4239, docs/operations.md).</summary>
public static partial class SiteLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Pull started: installation {Installation} from {Feed}.")]
    public static partial void PullStarted(ILogger logger, string installation, Uri feed);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Pull done: {Listed} listed, {Downloaded} downloaded, {Cached} already cached, {AlreadyApplied} already in the IS, {Skipped} skipped.")]
    public static partial void Pulled(ILogger logger, int listed, int downloaded, int cached, int alreadyApplied, int skipped);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Pull: the host cannot be reached ({Reason}); applying what is already cached.")]
    public static partial void HostUnreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Moved the site key of {Database} out of the IS database: {Outcome} {KeyFile} (mode 0600), and blanked in applayer_site.")]
    public static partial void SiteKeyMovedOut(ILogger logger, string database, string keyFile, string outcome);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "The site key file {KeyFile} was readable by others (mode {Mode}); made it readable by the agent's user only.")]
    public static partial void SiteKeyModeTightened(ILogger logger, string keyFile, string mode);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Applying {PackageId} {Version} from {Package} to the copy {Database} (site apply-local: no feed, nothing published or reported).")]
    public static partial void LocalApplyStarted(ILogger logger, string packageId, string version, string package, string database);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Applied {PackageId} {Version} to the copy {Database} (site apply-local; rehearsed first: {Rehearsed}).")]
    public static partial void AppliedLocally(ILogger logger, string packageId, string version, string database, bool rehearsed);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Information, Message = "Did not apply {PackageId} {Version} to the copy {Database} (site apply-local): {Reason}")]
    public static partial void LocalApplyFailed(ILogger logger, string packageId, string version, string database, string reason);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Warning, Message = "Refused site apply-local on {Database}: it is an enrolled IS database ({Reason}), not a copy.")]
    public static partial void LocalApplyRefusedLive(ILogger logger, string database, string reason);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Verified {PackageId} {Version}: {Bytes} bytes, SHA-512 as signed.")]
    public static partial void Verified(ILogger logger, string packageId, string version, long bytes);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Skipped {PackageId} {Version}, not verified: {Reason}")]
    public static partial void Skipped(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4215, Level = LogLevel.Information, Message = "Planned: {Runnable} update(s) to apply or hold, {AlreadyApplied} already applied, {Refused} refused.")]
    public static partial void Planned(ILogger logger, int runnable, int alreadyApplied, int refused);

    [LoggerMessage(EventId = 4216, Level = LogLevel.Information, Message = "Waiting {PackageId} {Version}: {Reason}")]
    public static partial void Waiting(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "Rehearsed {PackageId} {Version} on a copy of the IS database: {Succeeded}.")]
    public static partial void Rehearsed(ILogger logger, string packageId, string version, bool succeeded);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Information, Message = "Applied {PackageId} {Version} ({Reason}).")]
    public static partial void Applied(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Error, Message = "Failed {PackageId} {Version}: {Reason}")]
    public static partial void Failed(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Information, Message = "Apply done: {Applied} applied, {Failed} failed, {AlreadyApplied} already applied, {Waiting} waiting.")]
    public static partial void ApplyDone(ILogger logger, int applied, int failed, int alreadyApplied, int waiting);

    [LoggerMessage(EventId = 4224, Level = LogLevel.Error, Message = "Stopped {PackageId} {Version}: it tried to control the agent's transaction ({Reason}); rolled back.")]
    public static partial void TransactionTampered(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4226, Level = LogLevel.Information, Message = "Checked the IS database {Database} after a failed worker: {Result}.")]
    public static partial void DamageChecked(ILogger logger, string database, string result);

    [LoggerMessage(EventId = 4227, Level = LogLevel.Critical, Message = "The IS database {Database} is damaged after {PackageId} {Version} failed ({Reason}); marked damaged, nothing more is applied until an operator restores it.")]
    public static partial void MarkedDamaged(ILogger logger, string database, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4228, Level = LogLevel.Error, Message = "Refused to work on {Database}: it is marked damaged ({Reason}).")]
    public static partial void RefusedDamaged(ILogger logger, string database, string reason);

    [LoggerMessage(EventId = 4229, Level = LogLevel.Warning, Message = "Cleared the damage mark of {Database}: integrity_check is ok.")]
    public static partial void DamageCleared(ILogger logger, string database);

    [LoggerMessage(EventId = 4225, Level = LogLevel.Information, Message = "Reported {Sent} result(s) to {Host}; {Pending} kept for the next run.")]
    public static partial void Reported(ILogger logger, int sent, int pending, Uri host);

    [LoggerMessage(EventId = 4230, Level = LogLevel.Information, Message = "Worker sandbox: {Sandbox}; native memory limited to {AddressSpaceBytes} bytes of address space.")]
    public static partial void Sandboxed(ILogger logger, string sandbox, long addressSpaceBytes);

    [LoggerMessage(EventId = 4231, Level = LogLevel.Error, Message = "Worker sandbox not available ({Reason}); no update plugin is run (--allow-unsandboxed to run them anyway).")]
    public static partial void SandboxRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4232, Level = LogLevel.Warning, Message = "Worker sandbox not available ({Reason}); running update plugins without it, as the operator allowed.")]
    public static partial void Unsandboxed(ILogger logger, string reason);

    // 4239 downwards: the live database's lock and snapshot retention (4233 upwards is left to the next lines of the sandbox area).
    [LoggerMessage(EventId = 4239, Level = LogLevel.Information, Message = "Locked the IS database {Database} for {PackageId} {Version}: its write lock is held from before the snapshot and the rehearsal until the update's transaction ends.")]
    public static partial void Locked(ILogger logger, string database, string packageId, string version);

    [LoggerMessage(EventId = 4238, Level = LogLevel.Critical, Message = "The IS database {Database} was written to while {PackageId} {Version} was rehearsed, though it was locked (quick_check: {Result}); the update is not applied.")]
    public static partial void ChangedDuringRehearsal(ILogger logger, string database, string packageId, string version, string result);

    [LoggerMessage(EventId = 4237, Level = LogLevel.Information, Message = "Pruned the snapshot {Snapshot} ({Bytes} bytes, taken {TakenAt:yyyy-MM-dd HH:mm} UTC): {Reason}.")]
    public static partial void SnapshotPruned(ILogger logger, string snapshot, long bytes, DateTimeOffset takenAt, string reason);

    [LoggerMessage(EventId = 4236, Level = LogLevel.Information, Message = "Snapshots: {Kept} kept ({Bytes} bytes), {Pruned} pruned; retention: the newest {Keep} and those younger than {Days} days, and the one the newest applied update needs.")]
    public static partial void SnapshotsRetained(ILogger logger, int kept, long bytes, int pruned, int keep, int days);

    [LoggerMessage(EventId = 4233, Level = LogLevel.Warning, Message = "Refused to restore the snapshot from before {PackageId} {Version}: the IS database changed since it was applied ({Tables} table(s): {Names}); nothing was changed.")]
    public static partial void RollbackRefusedChanged(ILogger logger, string packageId, string version, int tables, string names);

    [LoggerMessage(EventId = 4234, Level = LogLevel.Warning, Message = "Restoring the snapshot from before {PackageId} {Version} discards what changed since it was applied ({Tables} table(s): {Names}), as the operator asked (--discard-changes-since).")]
    public static partial void RollbackDiscarding(ILogger logger, string packageId, string version, int tables, string names);

    [LoggerMessage(EventId = 4235, Level = LogLevel.Information, Message = "Rolled back {PackageId} {Version} by {Method}; it is held: not applied again until a manager releases it.")]
    public static partial void RolledBack(ILogger logger, string packageId, string version, string method);

    [LoggerMessage(EventId = 4217, Level = LogLevel.Information, Message = "Held {PackageId} {Version}: rolled back here on {RolledBackAt:yyyy-MM-dd HH:mm} UTC; not applied until a manager releases the hold.")]
    public static partial void Held(ILogger logger, string packageId, string version, DateTimeOffset rolledBackAt);

    [LoggerMessage(EventId = 4218, Level = LogLevel.Information, Message = "The hold on {PackageId} {Version} (rollback report {ReportId}) was released on the host; applying it again.")]
    public static partial void HoldReleased(ILogger logger, string packageId, string version, string reportId);
}
