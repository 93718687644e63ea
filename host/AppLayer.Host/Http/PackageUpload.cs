using AppLayer.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AppLayer.Host.Http;

/// <summary>
/// The package in a push: the first file part of a <c>multipart/form-data</c> body (what
/// <c>dotnet nuget push</c> sends), or the raw body for any other content type.
/// </summary>
internal static class PackageUpload
{
    public static async Task<Stream> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return request.Body;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
        {
            throw new UserException("The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition())
            {
                return section.Body;
            }
        }

        throw new UserException("The multipart body holds no file; send the .nupkg as a file part.");
    }
}
