namespace AppLayer.Core.Compliance;

public static class ComplianceStateNames
{
    public static string ToName(this ComplianceState state) => state switch
    {
        ComplianceState.Exposed => "exposed",
        ComplianceState.Scheduled => "scheduled",
        ComplianceState.Applied => "applied",
        ComplianceState.NotEntitled => "not-entitled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown compliance state."),
    };
}
