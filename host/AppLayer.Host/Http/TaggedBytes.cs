using Microsoft.AspNetCore.Http;

namespace AppLayer.Host.Http;

/// <summary>
/// A body whose strong ETag is already known (see <see cref="ETags"/>): <c>ETag</c> and
/// <c>Cache-Control: no-cache</c> always, then a bodiless 304 when <c>If-None-Match</c> names the tag,
/// else the bytes. A plain GET is written straight to the response; a request with other preconditions
/// (<c>If-Match</c>, <c>If-Modified-Since</c>, <c>If-Unmodified-Since</c>) is answered by
/// <see cref="Results.Bytes"/>, which evaluates them.
/// </summary>
internal sealed class TaggedBytes(byte[] body, string tag, string contentType) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request.Headers;
        var response = httpContext.Response;
        response.Headers.ETag = tag;
        response.Headers.CacheControl = "no-cache";
        if (ETags.NoneMatch(request.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        if (request.IfMatch.Count != 0 || request.IfModifiedSince.Count != 0 || request.IfUnmodifiedSince.Count != 0)
        {
            return Results.Bytes(body, contentType).ExecuteAsync(httpContext);
        }

        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return ResponseBytes.WriteAsync(response, body, httpContext.RequestAborted);
    }
}
