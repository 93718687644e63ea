using Microsoft.AspNetCore.Diagnostics;

namespace AppLayer.Host.Dashboard;

/// <summary>
/// A bodiless error under /dashboard (an unknown page, a wrong method) answered as an HTML page like every other
/// dashboard error; elsewhere as the API's problem JSON.
/// </summary>
internal static class DashboardStatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments(DashboardDefaults.Root, StringComparison.OrdinalIgnoreCase))
        {
            var status = http.Response.StatusCode;
            var heading = status switch { 404 => "Not found", 403 => "Forbidden", 405 => "Not allowed", _ => "Cannot show this" };
            var message = status switch
            {
                404 => $"There is no page at {http.Request.Path}.",
                403 => "This page is for managers; you are signed in as a customer's contact.",
                _ => $"The request was refused ({status}).",
            };
            await new HtmlPage(heading, "error.html", new { Heading = heading, Message = message }, status).ExecuteAsync(http);
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http });
    }
}
