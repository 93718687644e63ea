using AppLayer.Protocol;
using System.Globalization;
using AppLayer.Core.Agreements;
using AppLayer.Core.Customers;
using AppLayer.Core.History;
using AppLayer.Core.Installations;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.Releases;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Common;

/// <summary>Maps the domain model to the API's bodies.</summary>
public static class Dtos
{
    public static AgreementDto ToDto(this Agreement agreement) =>
        new(agreement.Services, agreement.Modules, agreement.Version);

    public static InstallationDto ToDto(this Installation installation, string customerCode) =>
        new(installation.Code, installation.Name, customerCode, installation.IsVersion, installation.Modules, installation.TimeZone);

    public static CustomerDto ToDto(this Customer customer, Agreement? agreement, IEnumerable<Installation> installations) =>
        new(customer.Code, customer.Name, agreement?.ToDto(), [.. installations.Select(i => i.ToDto(customer.Code))]);

    public static LegalChangeDto ToDto(this LegalChange change, IReadOnlyList<LinkedPackageDto> packages) =>
        new(
            change.Id,
            change.Reference,
            change.Title,
            change.Jurisdiction,
            change.Area,
            change.EffectiveDate,
            change.Modules,
            change.References,
            change.Status.ToName(),
            change.StatusReason,
            change.SourceUrl,
            change.AnnouncedOn,
            change.TransitionEndsOn,
            change.Assignee,
            change.ExternalId,
            packages,
            change.RecordedAt,
            change.UpdatedAt);

    public static HistoryEventDto ToDto(this HistoryEvent historyEvent) =>
        new(historyEvent.At, historyEvent.Kind, historyEvent.Installation, historyEvent.Subject, historyEvent.Detail)
        {
            Id = historyEvent.Id,
            Modules = historyEvent.Modules,
            LegalReferences = historyEvent.LegalReferences,
        };

    public static AvailableUpdateDto ToDto(this FeedPackage package) =>
        new(
            package.Id,
            package.Version,
            package.Manifest.Kind.ToString(),
            package.Manifest.Title,
            package.Sha512,
            package.Size,
            package.Manifest.EffectiveDate,
            package.Manifest.LegalReferences);

    public static ReleaseDto ToDto(this Release release) =>
        new(release.Name, release.Packages, release.Notes, release.CreatedAt);

    /// <summary>How a package is named in releases and history: <c>Id@Version</c>.</summary>
    public static string Reference(this FeedPackage package) =>
        string.Create(CultureInfo.InvariantCulture, $"{package.Id}@{package.Version}");
}
