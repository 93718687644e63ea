namespace AppLayer.Host.Dashboard;

/// <summary>A link in the dashboard's navigation; <see cref="ManagerOnly"/> hides it from customers' contacts.</summary>
public sealed record NavEntry(string Title, string Path, bool ManagerOnly = false);
