using AppLayer.Protocol.Api;

namespace AppLayer.Core.Releases;

public sealed record Deployment(
    long Id,
    long InstallationId,
    string PackageId,
    string Version,
    DeploymentStatus Status,
    string Message,
    DateTimeOffset At);
