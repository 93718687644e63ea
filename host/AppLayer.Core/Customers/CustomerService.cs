using AppLayer.Core.Agreements;
using AppLayer.Core.Common;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.ServiceDesk;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Customers;

/// <summary>Customers, their agreements and installations, and their change history.</summary>
public sealed class CustomerService(
    ICustomerStore customers,
    IAgreementStore agreements,
    IInstallationStore installations,
    IHistoryStore history,
    LegalChanges.DeploymentTracker tracker,
    TimeProvider time)
{
    public const string DefaultTimeZone = "Europe/Prague";

    public async Task<CustomerDto> CreateAsync(CreateCustomerRequest request, CancellationToken cancellationToken)
    {
        var code = Require.Code(request.Code, "Customer code");
        var name = Require.Text(request.Name, "Customer name");
        var customer = await customers.AddAsync(code, name, time.GetUtcNow(), cancellationToken)
            ?? throw new ConflictException($"Customer '{code}' exists already.");
        return customer.ToDto(null, []);
    }

    public async Task<CustomerDto> GetAsync(string code, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(code, cancellationToken);
        return await DescribeAsync(customer, cancellationToken);
    }

    public async Task<IReadOnlyList<CustomerDto>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<CustomerDto>();
        foreach (var customer in await customers.ListAsync(cancellationToken))
        {
            result.Add(await DescribeAsync(customer, cancellationToken));
        }

        return result;
    }

    /// <summary>Signs a new version of the customer's agreement.</summary>
    public async Task<AgreementDto> SetAgreementAsync(string code, SetAgreementRequest request, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(code, cancellationToken);
        var agreement = await agreements.AddVersionAsync(
            customer.Id,
            Require.Names(request.Services, "A service"),
            Require.Names(request.Modules, "A module"),
            time.GetUtcNow(),
            cancellationToken);
        await tracker.ReconcileAsync(cancellationToken);
        return agreement.ToDto();
    }

    public async Task<InstallationDto> AddInstallationAsync(
        string customerCode,
        CreateInstallationRequest request,
        CancellationToken cancellationToken)
    {
        var customer = await FindAsync(customerCode, cancellationToken);
        var installation = new Installation(
            0,
            customer.Id,
            Require.Code(request.Code, "Installation code"),
            Require.Text(request.Name, "Installation name"),
            Require.Text(request.IsVersion, "IS version", 50),
            Require.Names(request.Modules, "A module"),
            string.IsNullOrWhiteSpace(request.TimeZone) ? DefaultTimeZone : request.TimeZone.Trim(),
            time.GetUtcNow());
        var stored = await installations.AddAsync(installation, cancellationToken)
            ?? throw new ConflictException($"Installation '{installation.Code}' exists already.");
        // A new entitled installation has applied nothing yet: a deployed change is not deployed any more.
        await tracker.ReconcileAsync(cancellationToken);
        return stored.ToDto(customer.Code);
    }

    /// <returns>The customer's change history, oldest first.</returns>
    public async Task<IReadOnlyList<HistoryEventDto>> HistoryAsync(string code, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(code, cancellationToken);
        var events = await history.ListAsync(customer.Id, cancellationToken);
        return [.. events.Select(e => e.ToDto())];
    }

    private async Task<Customer> FindAsync(string code, CancellationToken cancellationToken) =>
        await customers.FindAsync(code, cancellationToken)
        ?? throw new NotFoundException($"Customer '{code}' does not exist.");

    private async Task<CustomerDto> DescribeAsync(Customer customer, CancellationToken cancellationToken)
    {
        var agreement = await agreements.FindCurrentAsync(customer.Id, cancellationToken);
        var sites = await installations.ListByCustomerAsync(customer.Id, cancellationToken);
        return customer.ToDto(agreement, sites);
    }
}
