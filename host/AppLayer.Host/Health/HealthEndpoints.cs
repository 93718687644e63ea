using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace AppLayer.Host.Health;

/// <summary>
/// <c>/healthz</c> (liveness: the process answers) and <c>/readyz</c> (the database answers and the signing
/// keys load; else 503 with a problem body naming what failed). Both anonymous (docs/api.md).
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHostHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<SigningKeysHealthCheck>("signing-keys", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteLiveAsync }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadyAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteLiveAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync("""{"status":"alive"}""", http.RequestAborted);
    }

    private static async Task WriteReadyAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "ok" : e.Value.Description ?? e.Value.Status.ToString());
        if (report.Status == HealthStatus.Healthy)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new { status = "ready", checks }, JsonSerializerOptions.Web), http.RequestAborted);
            return;
        }

        var reasons = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}"));
        HealthLog.NotReady(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints)), reasons);
        var problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The host is not ready: " + reasons };
        problem.Extensions["checks"] = checks;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
