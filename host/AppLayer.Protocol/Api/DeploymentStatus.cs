namespace AppLayer.Protocol.Api;

/// <summary>Where a deployment of one update at one installation stands; reports carry it by name (<see cref="KebabNames"/>).</summary>
public enum DeploymentStatus
{
    Planned,
    Applied,
    Failed,
    RolledBack,
}
