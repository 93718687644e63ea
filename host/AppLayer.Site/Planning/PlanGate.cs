using AppLayer.Protocol.Api;

namespace AppLayer.Site.Planning;

/// <summary>How <c>site plan</c> words the release gate a cached update was listed with.</summary>
internal static class PlanGate
{
    public const string AwaitingApproval = "rehearse only: awaiting approval";

    public static bool IsRehearseOnly(string? gate) => string.Equals(gate, GateHistoryKinds.RehearseOnly, StringComparison.Ordinal);

    public static string? Describe(string? gate) => gate switch
    {
        null => null,
        GateHistoryKinds.RehearseOnly => AwaitingApproval,
        GateHistoryKinds.Approved => "approved",
        _ => $"gate '{gate}'",
    };
}
