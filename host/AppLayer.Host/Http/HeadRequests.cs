
namespace AppLayer.Host.Http;

/// <summary>
/// HEAD wherever GET is served, in one place: the request is routed and answered as its GET (same
/// status, headers, <c>Content-Length</c>, ETag and 304), and Kestrel, which still knows the request
/// came as HEAD, sends no body. Static servers and CDNs in front of a feed copy answer HEAD the same way.
/// </summary>
internal static class HeadRequests
{
    /// <summary>Must come before routing, so the GET endpoints match.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    });
}
