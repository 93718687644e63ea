using AppLayer.Core.Common;
using AppLayer.Core.ServiceDesk;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Microsoft.Extensions.Logging;

namespace AppLayer.Core.Agreements;

/// <summary>Signs agreement versions with their terms (<c>PUT /api/customers/{code}/agreement</c>) and lists them.</summary>
public sealed class AgreementService(
    ServiceDeskDirectory directory,
    IAgreementStore agreements,
    LegalChanges.DeploymentTracker tracker,
    TimeProvider time,
    ILogger<AgreementService> logger)
{
    public async Task<AgreementDto> SetAsync(string code, SetAgreementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await directory.CustomerAsync(code, cancellationToken);
        var services = Require.Names(request.Services, "A service");
        if (services.FirstOrDefault(s => !ServiceNames.All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            throw new UserException($"The service '{unknown}' is not one of: {string.Join(", ", ServiceNames.All)}.");
        }

        var modules = Require.Names(request.Modules, "A module");
        var terms = AgreementTermsMapper.FromDto(request.Terms);
        var now = time.GetUtcNow();
        var today = ServiceDeskDirectory.Day(now);
        var effective = request.EffectiveFrom ?? today;
        var history = await directory.HistoryAsync(customer, cancellationToken);
        IReadOnlyList<int> supersedes;
        try
        {
            supersedes = AgreementAmendment.Supersedes(history, effective, request.Supersedes ?? [], request.Keeps ?? [], today);
        }
        catch (UserException ex)
        {
            AgreementLog.AmendmentRefused(logger, customer.Code, effective, ex.Message);
            throw;
        }

        var stored = await agreements.AmendAsync(
            customer.Id, services, modules, terms, effective, now, supersedes, history.LatestVersion, cancellationToken);
        AgreementLog.Amended(logger, customer.Code, stored.Agreement.Version, effective, string.Join(",", supersedes), string.Join(",", request.Keeps ?? []));
        // The version in force may now cover a change some installation has not applied.
        await tracker.ReconcileAsync(cancellationToken);
        return ToDto(stored) with { Supersedes = supersedes };
    }

    public async Task<IReadOnlyList<AgreementDto>> ListAsync(string code, CancellationToken cancellationToken)
    {
        var customer = await directory.CustomerAsync(code, cancellationToken);
        var history = await directory.HistoryAsync(customer, cancellationToken);
        return [.. history.Versions.Select(ToDto)];
    }

    private static AgreementDto ToDto(ServiceAgreement agreement) => new(
        agreement.Agreement.Services,
        agreement.Agreement.Modules,
        agreement.Agreement.Version,
        AgreementTermsMapper.ToDto(agreement.Terms),
        agreement.EffectiveFrom,
        agreement.SupersededBy);
}
