using AppLayer.Feed.Tuf;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppLayer.Host.Health;

/// <summary>Readiness: the feed has signed metadata and every online signing key loads (<see cref="TufRepository.CheckSigningKeys"/>).</summary>
internal sealed class SigningKeysHealthCheck(TufRepository tuf) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(tuf.CheckSigningKeys() is { } problem
            ? HealthChecks.Failed("the feed's signing keys cannot be loaded", problem)
            : HealthCheckResult.Healthy());
}
