using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppLayer.Host.Health;

/// <summary>How a readiness check fails: a description fit for anyone (it is served anonymously) and the detail, with paths and errors, for the log only.</summary>
internal static class HealthChecks
{
    public const string DetailKey = "detail";

    public static HealthCheckResult Failed(string description, string detail) =>
        HealthCheckResult.Unhealthy(description, data: new Dictionary<string, object> { [DetailKey] = detail });

    public static string Detail(HealthReportEntry entry) =>
        entry.Data.TryGetValue(DetailKey, out var detail) ? detail.ToString() ?? string.Empty : entry.Exception?.Message ?? string.Empty;
}
