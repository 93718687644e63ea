namespace AppLayer.Core.Agreements;

/// <summary>The service agreement (minimal for now): which services and IS modules are covered.</summary>
public sealed record Agreement(
    long CustomerId,
    int Version,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Modules,
    DateTimeOffset SignedAt)
{
    public const string ApplicationLayer = "application-layer";

    public bool CoversApplicationLayer => Services.Contains(ApplicationLayer, StringComparer.OrdinalIgnoreCase);
}
