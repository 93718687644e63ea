using System.Net.Http.Json;
using AppLayer.Core.Agreements;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Infrastructure;

/// <summary>Manager steps the API tests share: a customer with an agreement and an installation.</summary>
public static class Scenario
{
    public static async Task<InstallationDto> CustomerWithInstallationAsync(
        this HttpClient manager,
        string customer,
        string installation,
        IReadOnlyList<string> services,
        IReadOnlyList<string> modules)
    {
        await manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest(customer, customer + " s.r.o."));
        using (var agreement = await manager.PutAsJsonAsync($"/api/customers/{customer}/agreement", new SetAgreementRequest(services, modules)))
        {
            agreement.EnsureSuccessStatusCode();
        }

        return await manager.PostJsonAsync<InstallationDto>(
            $"/api/customers/{customer}/installations",
            new CreateInstallationRequest(installation, installation, "5.2.0", modules, null));
    }

    public static Task<InstallationDto> CoveredCustomerAsync(this HttpClient manager, string customer, params string[] modules) =>
        manager.CustomerWithInstallationAsync(customer, customer + "-prod", [Agreement.ApplicationLayer, "help-desk"], modules);
}
