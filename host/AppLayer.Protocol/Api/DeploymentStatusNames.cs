namespace AppLayer.Protocol.Api;

/// <summary>The names of <see cref="DeploymentStatus"/> in reports and in the database.</summary>
public static class DeploymentStatusNames
{
    public static string ToName(this DeploymentStatus status) => status switch
    {
        DeploymentStatus.Planned => "planned",
        DeploymentStatus.Applied => "applied",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.RolledBack => "rolled-back",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown deployment status."),
    };

    /// <exception cref="UserException">The name is not a status.</exception>
    public static DeploymentStatus Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "planned" => DeploymentStatus.Planned,
        "applied" => DeploymentStatus.Applied,
        "failed" => DeploymentStatus.Failed,
        "rolled-back" or "rolledback" => DeploymentStatus.RolledBack,
        _ => throw new UserException($"Deployment status '{name}' is unknown; use applied, failed, rolled-back or planned."),
    };
}
