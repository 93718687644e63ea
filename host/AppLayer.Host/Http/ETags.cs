using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace AppLayer.Host.Http;

/// <summary>Strong ETags from the body's SHA-256, so a poll whose answer has not changed gets a bodiless 304.</summary>
internal static class ETags
{
    public static IResult Bytes(HttpContext http, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(body);
        var tag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = "no-cache";
        foreach (var candidate in http.Request.Headers.IfNoneMatch)
        {
            if (candidate is not null && candidate.Split(',').Any(c => c.Trim() == tag || c.Trim() == "*"))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return Results.Bytes(body, contentType);
    }
}
