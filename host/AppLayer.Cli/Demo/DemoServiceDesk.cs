using System.Globalization;
using AppLayer.Cli.Commands;
using AppLayer.Core.Agreements;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using NodaTime;

namespace AppLayer.Cli.Demo;

/// <summary>
/// The service-desk part of the demo for one customer: agreement terms and a mid-month
/// amendment to 24×7, a contact, a ticket from e-mail through assignment, a status update,
/// a covered data fix and a billable consultation, resolution and closing, and the month's statement.
/// </summary>
internal sealed class DemoServiceDesk(TextWriter output, AppLayerClient manager, TimeProvider time)
{
    public async Task RunAsync(string customer, CancellationToken cancellationToken)
    {
        var zone = DateTimeZoneProviders.Tzdb[CoverageCalendar.DefaultZoneId];
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date;
        var month = new LocalDate(today.Year, today.Month, 1);
        DateTimeOffset At(int day, int hour) => month.PlusDays(day - 1).At(new LocalTime(hour, 0)).InZoneLeniently(zone).ToDateTimeOffset();

        var terms = new AgreementTermsDto("business-hours", 0m, null, new Dictionary<string, decimal> { ["consultation"] = 1200m, ["data-fix"] = 1500m }, IncludedHours: 0.5m, RoundingMinutes: 15);
        string[] services = ["help-desk", "hotline", "application-layer"];
        // The agreement signed at the start of the story takes effect today; this one from the first of the month replaces it.
        var signed = await manager.GetAsync<IReadOnlyList<AgreementDto>>(ApiRoutes.CustomerAgreement(customer) + "s", cancellationToken);
        IReadOnlyList<int> replaced = [.. signed.Where(a => a.SupersededBy is null && a.EffectiveFrom >= month.ToDateOnly()).Select(a => a.Version)];
        await manager.PutAsync<AgreementDto>(ApiRoutes.CustomerAgreement(customer), new SetAgreementRequest(services, ["accounting", "payroll"], terms, month.ToDateOnly(), replaced), cancellationToken);
        var amended = await manager.PutAsync<AgreementDto>(
            ApiRoutes.CustomerAgreement(customer),
            new SetAgreementRequest(services, ["accounting", "payroll"], terms with { Coverage = "24x7", CoverageSurcharge = 3100m }, month.PlusDays(15).ToDateOnly()),
            cancellationToken);
        Step($"agreement of {customer} amended (v{amended.Version}): 24×7 coverage for CZK 3,100 a month from {month.PlusDays(15):yyyy-MM-dd}");

        var contact = await manager.PostAsync<ContactDto>(ApiRoutes.CustomerContacts(customer), new CreateContactRequest($"jana@{customer}.example", "Jana Nováková"), cancellationToken);
        var ticket = await manager.PostAsync<TicketDto>(ApiRoutes.Tickets, new OpenTicketRequest(customer, "Payroll export stops at employee 17", "Since this morning the export to the bank stops at employee 17.", Priority: "high", Channel: "email", Contact: contact.Email), cancellationToken);
        Step($"ticket {ticket.Tag} registered by e-mail from {contact.Email}; receipt confirmed; response due {ticket.Sla.ResponseDue:u}");
        var path = ApiRoutes.Ticket(ticket.Id);
        await manager.PostAsync<TicketDto>(path + "/assign", new AssignTicketRequest("tomas"), cancellationToken);
        await manager.PostAsync<TicketDto>(path + "/inform", new TicketNoteRequest("We reproduced the problem on a copy of your data: a wrong bank code in one employee record."), cancellationToken);
        Step($"{ticket.Tag} assigned to tomas; customer informed");

        var fix = await manager.PostAsync<WorkItemDto>(ApiRoutes.DataFixes, new DataFixRequest(customer, "Bank code damaged by the import defect", "is-defect", ticket.Id), cancellationToken);
        await manager.PostAsync<TimeEntryDto>(ApiRoutes.Time, new AddTimeRequest(fix.Reference, "tomas", At(2, 9), 75, "repaired the record, fixed the import"), cancellationToken);
        await manager.PostAsync<TimeEntryDto>(ApiRoutes.Time, new AddTimeRequest(ticket.Tag, "tomas", At(2, 11), 20, "analysis"), cancellationToken);
        var consultation = await manager.PostAsync<WorkItemDto>(ApiRoutes.Consultations, new ConsultationRequest(customer, "consulting", "payroll", "Correcting a closed payroll month", "lucie", At(20, 19), 50, "Walked through the correction steps", ticket.Id), cancellationToken);
        Step($"data fix {fix.Reference} (covered: IS defect), time on {ticket.Tag}, HotLine consultation {consultation.Reference} (billable)");

        await manager.PostAsync<TicketDto>(path + "/resolve", new TicketNoteRequest("Fixed: the import no longer damages bank codes; your record is repaired."), cancellationToken);
        var closed = await manager.PostAsync<TicketDto>(path + "/close", new TicketNoteRequest("confirmed by the customer"), cancellationToken);
        Step($"{ticket.Tag} resolved and {closed.Status}");

        output.WriteLine();
        output.Write(TicketCommand.Format(await manager.GetAsync<List<TicketDto>>(ApiRoutes.Tickets + $"?customer={customer}", cancellationToken)));
        output.WriteLine();
        output.Write(StatementCommand.Format(await StatementCommand.FetchAsync(manager, customer, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken)));
    }

    private void Step(string text) => output.WriteLine($"==> {text}");
}
