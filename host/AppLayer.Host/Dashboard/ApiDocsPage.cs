using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace AppLayer.Host.Dashboard;

/// <summary>A browsable list of the JSON API's operations (the same ones the OpenAPI document at /openapi/v1.json describes).</summary>
internal static class ApiDocsPage
{
    public static IResult Show(IApiDescriptionGroupCollectionProvider api) => new HtmlPage("API", "api.html", new
    {
        Document = "/openapi/v1.json",
        Operations = api.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal).ThenBy(d => d.HttpMethod, StringComparer.Ordinal)
            .Select(d => new
            {
                Method = d.HttpMethod ?? "ANY",
                Path = "/" + d.RelativePath,
                Summary = d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? string.Empty,
                Parameters = string.Join(", ", d.ParameterDescriptions.Where(p => p.Source.Id is "Path" or "Query").Select(p => p.Name)),
                Responses = string.Join(", ", d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct()),
            })
            .ToList(),
    });
}
