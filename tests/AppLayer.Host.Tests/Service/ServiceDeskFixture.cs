using System.Net;
using System.Net.Http.Json;
using AppLayer.Host.Tests.Infrastructure;
using AppLayer.Protocol.Api;

namespace AppLayer.Host.Tests.Service;

/// <summary>A real host with a manager client and a customer "novak" (agreement, two contacts) and a customer "horak" (one contact).</summary>
public abstract class ServiceDeskFixture : IAsyncLifetime
{
    protected ServiceDeskFixture(params (string Key, string Value)[] settings)
    {
        Host = new HostFactory(settings);
    }

    protected HostFactory Host { get; }

    protected HttpClient Manager { get; private set; } = null!;

    protected string NovakToken { get; private set; } = null!;

    protected virtual AgreementTermsDto? NovakTerms => null;

    protected virtual IReadOnlyList<string> NovakServices => ["help-desk", "hotline", "application-layer"];

    public virtual async Task InitializeAsync()
    {
        Manager = await Host.ManagerAsync();
        await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("novak", "Novák Strojírny s.r.o."));
        await Manager.PostJsonAsync<CustomerDto>("/api/customers", new CreateCustomerRequest("horak", "Horák Logistika a.s."));
        await PutAgreementAsync("novak", new SetAgreementRequest(NovakServices, ["accounting"], NovakTerms, new DateOnly(2024, 1, 1)));
        await PutAgreementAsync("horak", new SetAgreementRequest(["help-desk"], ["accounting"], null, new DateOnly(2024, 1, 1)));
        NovakToken = (await Manager.PostJsonAsync<ContactDto>("/api/customers/novak/contacts", new CreateContactRequest("jana@novak.cz", "Jana Nováková"))).PortalToken!;
        await Manager.PostJsonAsync<ContactDto>("/api/customers/novak/contacts", new CreateContactRequest("petr@novak.cz", "Petr Novák"));
        await Manager.PostJsonAsync<ContactDto>("/api/customers/horak/contacts", new CreateContactRequest("eva@horak.cz", "Eva Horáková"));
    }

    public virtual async Task DisposeAsync()
    {
        Manager.Dispose();
        await Host.DisposeAsync();
    }

    protected async Task<AgreementDto> PutAgreementAsync(string customer, SetAgreementRequest request)
    {
        using var response = await Manager.PutAsJsonAsync($"/api/customers/{customer}/agreement", request, HttpExtensions.Json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<AgreementDto>();
    }

    protected Task<TicketDto> OpenAsync(string subject = "Payroll export fails", string priority = "normal", string? service = null, string customer = "novak", string contact = "jana@novak.cz") =>
        Manager.PostJsonAsync<TicketDto>("/api/tickets", new OpenTicketRequest(customer, subject, "The export stops at employee 17.", service, priority, "email", contact));

    protected Task<TicketDto> StepAsync(long id, string step, object? body = null) =>
        Manager.PostJsonAsync<TicketDto>($"/api/tickets/AL-{id}/{step}", body ?? new TicketNoteRequest(), HttpStatusCode.OK);

    protected async Task<string> RefusedAsync(string path, object body, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var response = await Manager.PostAsJsonAsync(path, body, HttpExtensions.Json);
        return await response.ShouldBeProblemAsync(status);
    }

    /// <summary>Sets the fake clock to a Prague wall-clock time.</summary>
    protected void At(int year, int month, int day, int hour, int minute = 0)
    {
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Prague"];
        Host.Time.SetUtcNow(new NodaTime.LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToDateTimeOffset());
    }
}
