namespace AppLayer.Site.Checks;

/// <summary>What <c>applayer site check</c> found, with the system software inventory, for the customer and the host.</summary>
public sealed record CheckReport(string Installation, DateTimeOffset At, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, string> Inventory)
{
    public const int ErrorExitCode = 2;

    public int ExitCode => Findings.Any(f => f.Severity == "error") ? ErrorExitCode : 0;

    /// <summary>The inventory as components and versions, as reported to the host.</summary>
    public IReadOnlyList<Protocol.Api.InventoryItemDto> Components { get; init; } = [];

    /// <summary>Whether the host took the inventory report in this run (else it waits for the next one).</summary>
    public bool InventoryReported { get; init; }
}
