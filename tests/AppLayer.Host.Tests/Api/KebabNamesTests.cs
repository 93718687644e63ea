using System.Text.Json;
using AppLayer.Core.Compliance;
using AppLayer.Core.Keys;
using AppLayer.Core.LegalChanges;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Protocol;
using AppLayer.Protocol.Api;
using Shouldly;
using Xunit;

namespace AppLayer.Host.Tests.Api;

/// <summary>The one naming rule for enum values in the API, the CLI, reports and the database.</summary>
public sealed class KebabNamesTests
{
    [Fact]
    public void Names_stay_as_the_database_and_the_reports_already_hold_them()
    {
        // These strings are stored in existing databases and sent by installed site agents: they must not move.
        DeploymentStatus.RolledBack.ToName().ShouldBe("rolled-back");
        DeploymentStatus.Applied.ToName().ShouldBe("applied");
        ComplianceState.NotEntitled.ToName().ShouldBe("not-entitled");
        LegalChangeStatus.InDevelopment.ToName().ShouldBe("in-development");
        LegalChangeStatus.NotApplicable.ToName().ShouldBe("not-applicable");
        KeyScope.Manager.ToName().ShouldBe(KeyScopeNames.Manager);
        KeyScope.Contact.ToName().ShouldBe(KeyScopeNames.Contact);
    }

    [Fact]
    public void Ticket_event_kinds_keep_the_names_stored_in_ticket_events_and_sent_in_json()
    {
        // ticket_events.kind and ticket_notices.kind of existing databases, and the API's event kinds, hold exactly these.
        Enum.GetValues<TicketEventKind>().Select(k => k.ToName()).ShouldBe(
        [
            "registered", "receipt-confirmed", "assigned", "informed", "waiting", "resumed", "customer-replied",
            "resolved", "closed", "reopened", "response-warning", "resolution-warning", "response-breached", "resolution-breached",
        ]);
        RoundTrips<TicketEventKind>();
        JsonSerializer.Serialize(TicketEventKind.ReceiptConfirmed).ShouldBe("\"receipt-confirmed\"");
        JsonSerializer.Deserialize<TicketEventKind>("\"resolution-breached\"").ShouldBe(TicketEventKind.ResolutionBreached);
    }

    [Fact]
    public void Every_value_reads_back_from_its_name_in_any_case_and_with_either_separator()
    {
        RoundTrips<DeploymentStatus>();
        RoundTrips<ComplianceState>();
        RoundTrips<LegalChangeStatus>();
        RoundTrips<KeyScope>();
        KebabNames.Parse<DeploymentStatus>(" Rolled_Back ", "Deployment status").ShouldBe(DeploymentStatus.RolledBack);
        KebabNames.Parse<DeploymentStatus>("rolledback", "Deployment status").ShouldBe(DeploymentStatus.RolledBack);
        LegalChangeStatusNames.Parse("analyzed").ShouldBe(LegalChangeStatus.Analysed);
    }

    [Fact]
    public void An_unknown_name_is_refused_with_every_name_listed()
    {
        Should.Throw<UserException>(() => KebabNames.Parse<DeploymentStatus>("rolled-forward", "Deployment status"))
            .Message.ShouldBe("Deployment status 'rolled-forward' is unknown; use planned, applied, failed, rolled-back.");
        Should.Throw<UserException>(() => KeyScopeNames.Parse(string.Empty)).Message.ShouldStartWith("Key scope '' is unknown; use ");
        KebabNames.Parse<DeploymentStatus>(" ", "Deployment status", DeploymentStatus.Planned).ShouldBe(DeploymentStatus.Planned);
        Should.Throw<ArgumentOutOfRangeException>(() => ((DeploymentStatus)99).ToName());
    }

    [Fact]
    public void Json_spells_an_enum_by_its_name_and_refuses_a_name_the_enum_does_not_declare()
    {
        var options = new JsonSerializerOptions { Converters = { new KebabEnumConverter<DeploymentStatus>() } };

        JsonSerializer.Serialize(DeploymentStatus.RolledBack, options).ShouldBe("\"rolled-back\"");
        JsonSerializer.Deserialize<DeploymentStatus>("\"rolled-back\"", options).ShouldBe(DeploymentStatus.RolledBack);
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<DeploymentStatus>("\"rolled-forward\"", options))
            .Message.ShouldBe("DeploymentStatus 'rolled-forward' is unknown; use planned, applied, failed, rolled-back.");
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<DeploymentStatus>("3", options));
    }

    private static void RoundTrips<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = value.ToName();
            name.ShouldMatch("^[a-z]+(-[a-z]+)*$");
            KebabNames.Parse<TEnum>(name, typeof(TEnum).Name).ShouldBe(value);
            KebabNames.Parse<TEnum>(name.ToUpperInvariant(), typeof(TEnum).Name).ShouldBe(value);
        }
    }
}
