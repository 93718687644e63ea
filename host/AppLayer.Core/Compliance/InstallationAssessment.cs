using AppLayer.Core.Installations;

namespace AppLayer.Core.Compliance;

/// <summary>What one installation needs for one legal change and what it has applied of it.</summary>
internal sealed record InstallationAssessment(
    Installation Installation,
    bool Entitled,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> Missing,
    DateTimeOffset? AppliedAt)
{
    /// <summary>Entitled, with at least one update to apply, and all of them applied.</summary>
    public bool IsApplied => Entitled && Needed.Count > 0 && Missing.Count == 0;

    public ComplianceState StateFor(int daysLeft, int horizonDays) =>
        !Entitled ? ComplianceState.NotEntitled
        : IsApplied ? ComplianceState.Applied
        : daysLeft <= horizonDays ? ComplianceState.Exposed
        : ComplianceState.Scheduled;
}
