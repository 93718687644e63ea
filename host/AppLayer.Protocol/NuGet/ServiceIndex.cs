using AppLayer.Protocol.Client;

namespace AppLayer.Protocol.NuGet;

/// <summary>The NuGet v3 service index.</summary>
public sealed record ServiceIndex(string Version, IReadOnlyList<ServiceIndexResource> Resources)
{
    public static ServiceIndex For(string baseUrl) => new(
        "3.0.0",
        [
            new($"{baseUrl}/{ApiRoutes.PackagePublish}", "PackagePublish/2.0.0", "Push update packages (publish or manager key)."),
            new($"{baseUrl}/v3/flatcontainer/", "PackageBaseAddress/3.0.0", "Package contents (any key)."),
            new($"{baseUrl}/v3/registration/", "RegistrationsBaseUrl", "Package metadata (any key)."),
            new($"{baseUrl}/v3/registration/", "RegistrationsBaseUrl/3.0.0-rc", "Package metadata (any key)."),
            new($"{baseUrl}/v3/registration/", "RegistrationsBaseUrl/3.6.0", "Package metadata (any key)."),
            new($"{baseUrl}/v3/search", "SearchQueryService", "Search (any key)."),
            new($"{baseUrl}/v3/search", "SearchQueryService/3.0.0-beta", "Search (any key)."),
            new($"{baseUrl}/v3/search", "SearchQueryService/3.4.0", "Search (any key)."),
            new($"{baseUrl}/v3/search", "SearchQueryService/3.5.0", "Search (any key)."),
        ]);
}
