using AppLayer.Core;
using AppLayer.Core.Compliance;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary><c>GET /api/compliance?at=YYYY-MM-DD&amp;customer=C&amp;horizon=DAYS</c>: the compliance radar (manager key).</summary>
internal static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compliance", (string? at, string? customer, string? horizon, ComplianceService compliance, CancellationToken ct) =>
                compliance.RadarAsync(Date(at), Days(horizon), customer, ct))
            .RequireAuthorization(ApiKeyDefaults.ManagerPolicy);
        return app;
    }

    private static DateOnly? Date(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UserException($"at '{text}' is not a date in the form YYYY-MM-DD.");

    private static int? Days(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650 ? days
        : throw new UserException($"horizon '{text}' is not a number of days from 0 to 3650.");
}
