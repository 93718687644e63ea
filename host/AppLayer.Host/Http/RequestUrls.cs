
namespace AppLayer.Host.Http;

internal static class RequestUrls
{
    /// <returns>The feed's base URL as the caller reached it (<c>scheme://host/pathbase</c>): what the NuGet documents' links start with.</returns>
    public static string BaseUrl(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
