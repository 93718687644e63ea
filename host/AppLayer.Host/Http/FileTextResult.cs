using System.Text;
using Microsoft.Net.Http.Headers;

namespace AppLayer.Host.Http;

/// <summary>A text file to download: its content type, and <c>Content-Disposition: attachment</c> with its name.</summary>
internal sealed class FileTextResult(string body, string contentType, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        httpContext.Response.ContentType = contentType;
        httpContext.Response.Headers.ContentDisposition = disposition.ToString();
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await httpContext.Response.WriteAsync(body, Encoding.UTF8, httpContext.RequestAborted);
    }
}
