namespace AppLayer.Site.Checks;

/// <summary>What <c>applayer site check</c> found, with the system software inventory, for the customer and the host.</summary>
public sealed record CheckReport(string Installation, DateTimeOffset At, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, string> Inventory)
{
    public const int ErrorExitCode = 2;

    public int ExitCode => Findings.Any(f => f.Severity == "error") ? ErrorExitCode : 0;
}
