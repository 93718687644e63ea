using Microsoft.Extensions.Logging;

namespace AppLayer.Core.Rollouts;

/// <summary>Log lines of staged rollouts and freezes (event ids 4190–4199, docs/operations.md).</summary>
public static partial class RolloutLog
{
    [LoggerMessage(EventId = 4190, Level = LogLevel.Information, Message = "Rollout of {PackageId} {Version} created by {Actor}: rings {Rings}, bake {BakeHours} h, halt at {HaltRate:P0} with at least {HaltMinimum}.")]
    public static partial void Created(ILogger logger, string packageId, string version, string actor, string rings, int bakeHours, double haltRate, int haltMinimum);

    [LoggerMessage(EventId = 4191, Level = LogLevel.Warning, Message = "Rollout of {PackageId} {Version} halted by the failure rule: {Reason}")]
    public static partial void HaltedByRule(ILogger logger, string packageId, string version, string reason);

    [LoggerMessage(EventId = 4192, Level = LogLevel.Information, Message = "Rollout of {PackageId} {Version} {Action} by {Actor}: {Reason}")]
    public static partial void Changed(ILogger logger, string packageId, string version, string action, string actor, string reason);

    [LoggerMessage(EventId = 4193, Level = LogLevel.Warning, Message = "Rollout of {PackageId} {Version} cannot reach every ring before its effective date: {Warning}")]
    public static partial void Late(ILogger logger, string packageId, string version, string warning);

    [LoggerMessage(EventId = 4194, Level = LogLevel.Information, Message = "Freeze {Id} from {From} to {To} for {Scope} added by {Actor}: {Reason}")]
    public static partial void FreezeAdded(ILogger logger, long id, DateOnly from, DateOnly to, string scope, string actor, string reason);

    [LoggerMessage(EventId = 4195, Level = LogLevel.Information, Message = "Freeze {Id} lifted by {Actor}.")]
    public static partial void FreezeLifted(ILogger logger, long id, string actor);
}
