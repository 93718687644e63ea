using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppLayer.Host.Health;

/// <summary>
/// <c>/healthz</c> (liveness: the process answers, <c>Healthy</c>) and <c>/readyz</c> (the database answers,
/// the signing keys load and the data folder is writable; else 503 with a problem body naming the failed
/// checks). Both anonymous, so neither says more than which check failed; the detail goes to the log
/// (docs/operations.md).
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHostHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<SigningKeysHealthCheck>("signing-keys", tags: [ReadyTag])
            .AddCheck<DataFolderHealthCheck>("data-folder", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadyAsync }).AllowAnonymous();
        return app;
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

        var failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints));
        foreach (var (name, entry) in failed)
        {
            HealthLog.NotReady(log, name, entry.Description ?? entry.Status.ToString(), HealthChecks.Detail(entry));
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The host is not ready.",
            Detail = string.Join("; ", failed.Select(e => $"{e.Key}: {checks[e.Key]}")),
        };
        problem.Extensions["checks"] = checks;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
