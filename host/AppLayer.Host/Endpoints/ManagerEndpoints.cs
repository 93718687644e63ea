using AppLayer.Core.Agreements;
using AppLayer.Core.Keys;
using AppLayer.Host.Auth;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>The manager API: customers, agreements, installations, site keys, histories (legal changes: <see cref="LegalChangeEndpoints"/>).</summary>
internal static class ManagerEndpoints
{
    public static IEndpointRouteBuilder MapManagerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);

        api.MapPost("/customers", async (CreateCustomerRequest request, CustomerService customers, CancellationToken ct) =>
        {
            var created = await customers.CreateAsync(request, ct);
            return Results.Created($"/api/customers/{Uri.EscapeDataString(created.Code)}", created);
        });
        api.MapGet("/customers", (CustomerService customers, CancellationToken ct) => customers.ListAsync(ct));
        api.MapGet("/customers/{code}", (string code, CustomerService customers, CancellationToken ct) => customers.GetAsync(code, ct));
        api.MapPut("/customers/{code}/agreement", (string code, SetAgreementRequest request, AgreementService agreements, CancellationToken ct) =>
            agreements.SetAsync(code, request, ct));
        api.MapPost("/customers/{code}/installations", async (string code, CreateInstallationRequest request, CustomerService customers, CancellationToken ct) =>
        {
            var created = await customers.AddInstallationAsync(code, request, ct);
            return Results.Created($"/api/installations/{Uri.EscapeDataString(created.Code)}", created);
        });
        api.MapHistoryEndpoints();

        api.MapPost("/installations/{code}/keys", async (string code, int? expiresInDays, ApiKeyService keys, CancellationToken ct) =>
            Results.Created((string?)null, await keys.CreateAsync(KeyScope.Site, code, expiresInDays, ct)));
        return app;
    }
}
