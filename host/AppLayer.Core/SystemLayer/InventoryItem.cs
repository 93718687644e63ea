namespace AppLayer.Core.SystemLayer;

/// <summary>One piece of system software an installation reported.</summary>
public sealed record InventoryItem(string Component, string Version, string Description);
