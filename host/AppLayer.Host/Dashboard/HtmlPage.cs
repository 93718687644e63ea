using System.Text;
using AppLayer.Changelog.Templating;
using AppLayer.Host.Reports;

namespace AppLayer.Host.Dashboard;

/// <summary>A dashboard page: its template rendered inside the layout (navigation, who is signed in).</summary>
internal sealed class HtmlPage(string title, string template, object model, int status = StatusCodes.Status200OK) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var signedIn = httpContext.User.Identity?.AuthenticationType == DashboardDefaults.Scheme;
        var viewer = signedIn ? Viewer.From(httpContext.User) : null;
        var nav = signedIn
            ? httpContext.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.Nav
                .Where(n => viewer!.IsManager || !n.ManagerOnly)
                .Select(n => new { n.Title, n.Path, Current = httpContext.Request.Path == n.Path })
                .ToList()
            : [];
        var zone = ViewerZone.From(httpContext);
        var body = HostTemplates.Html.Render(template, model);
        var html = HostTemplates.Html.Render("layout.html", new
        {
            Title = title,
            Body = new RawHtml(body),
            Nav = nav,
            Viewer = viewer?.Label ?? string.Empty,
            SignedIn = signedIn,
            Zones = ViewerZone.Offered.Append(zone.Id).Distinct(StringComparer.Ordinal).Select(z => new { Value = z, Selected = z == zone.Id }).ToList(),
            ReturnUrl = httpContext.Request.Path + httpContext.Request.QueryString,
        });
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        await httpContext.Response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }
}
