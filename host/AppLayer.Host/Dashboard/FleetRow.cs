using AppLayer.Core.Releases;

namespace AppLayer.Host.Dashboard;

/// <summary>One installation on the fleet page (or a customer without one) with what a manager judges it by.</summary>
internal sealed record FleetRow(
    Customer Customer,
    Installation? Installation,
    Deployment? Latest,
    IReadOnlyList<Deployment> Failing,
    int ExposedTo,
    bool Unsupported,
    IReadOnlySet<string> Applied,
    bool Behind)
{
    public bool IsFailing => Failing.Count > 0;

    public bool IsExposed => ExposedTo > 0;

    public bool IsUpToDate => Installation is not null && !IsFailing && !IsExposed && !Unsupported && !Behind;

    /// <summary>The worst state that holds, one of <see cref="FleetFilter.States"/>.</summary>
    public string State =>
        Installation is null ? "no-installation"
        : IsFailing ? "failing"
        : IsExposed ? "exposed"
        : Unsupported ? "unsupported"
        : Behind ? "behind"
        : "up-to-date";

    public bool Has(string state) => state switch
    {
        "failing" => IsFailing,
        "exposed" => IsExposed,
        "unsupported" => Unsupported,
        "behind" => Behind,
        "up-to-date" => IsUpToDate,
        "no-installation" => Installation is null,
        _ => false,
    };

    public bool HasApplied(Release release) => release.Packages.All(Applied.Contains);
}
