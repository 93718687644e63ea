using AppLayer.Core;

namespace AppLayer.Host.Dashboard;

/// <summary>Shows a user's mistake on a dashboard page as an HTML page: unknown (or not yours) → 404, bad input → 400.</summary>
internal sealed class DashboardErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (NotFoundException e)
        {
            return new HtmlPage("Not found", "error.html", new { Heading = "Not found", e.Message }, StatusCodes.Status404NotFound);
        }
        catch (UserException e)
        {
            return new HtmlPage("Cannot show this", "error.html", new { Heading = "Cannot show this", e.Message }, StatusCodes.Status400BadRequest);
        }
    }
}
