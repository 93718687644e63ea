namespace AppLayer.Core.SystemLayer;

/// <summary>An installation's last reported inventory.</summary>
public sealed record StoredInventory(long InstallationId, string ReportId, DateTimeOffset ReportedAt, IReadOnlyList<InventoryItem> Items);
