namespace AppLayer.Protocol.Api;

/// <summary>
/// History kinds of staged rollouts, in the histories of the customers whose installations reported the version:
/// halted (by a manager or the failure rule), resumed, aborted. The detail says who and why.
/// </summary>
public static class RolloutHistoryKinds
{
    public const string Halted = "rollout-halted";
    public const string Resumed = "rollout-resumed";
    public const string Aborted = "rollout-aborted";
}
