using AppLayer.Core.Agreements;
using AppLayer.Core.Billing;
using AppLayer.Core.ServiceDesk.Contacts;
using AppLayer.Core.ServiceDesk.Tickets;
using AppLayer.Core.ServiceDesk.Work;
using AppLayer.Host.Auth;
using AppLayer.Host.ServiceDesk;
using Microsoft.AspNetCore.Routing;

namespace AppLayer.Host.Endpoints;

/// <summary>The service-desk API (manager key): agreement versions, contacts, tickets, consultations, data fixes, features, quotes, time, statements, inbound mail.</summary>
internal static class ServiceDeskEndpoints
{
    public static IEndpointRouteBuilder MapServiceDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiKeyDefaults.ManagerPolicy);

        api.MapGet("/customers/{code}/agreements", (string code, AgreementService agreements, CancellationToken ct) => agreements.ListAsync(code, ct));
        api.MapPost("/customers/{code}/contacts", async (string code, CreateContactRequest request, ContactService contacts, CancellationToken ct) =>
            Results.Created((string?)null, await contacts.AddAsync(code, request, ct)));
        api.MapGet("/customers/{code}/contacts", (string code, ContactService contacts, CancellationToken ct) => contacts.ListAsync(code, ct));

        api.MapPost("/tickets", async (OpenTicketRequest request, TicketService tickets, CancellationToken ct) =>
        {
            var ticket = await tickets.OpenAsync(request, null, ct);
            return Results.Created($"/api/tickets/{ticket.Id}", ticket);
        });
        api.MapGet("/tickets", (string? customer, bool? open, TicketService tickets, CancellationToken ct) => tickets.ListAsync(customer, open ?? false, ct));
        api.MapGet("/tickets/{id}", (string id, TicketService tickets, CancellationToken ct) => tickets.GetAsync(TicketService.ParseReference(id), ct));
        api.MapPost("/tickets/{id}/assign", (string id, AssignTicketRequest request, TicketService tickets, CancellationToken ct) =>
            tickets.AssignAsync(TicketService.ParseReference(id), request, ct));
        MapStep(api, "inform", (t, id, r, ct) => t.InformAsync(id, r, ct));
        MapStep(api, "wait", (t, id, r, ct) => t.WaitAsync(id, r, ct));
        MapStep(api, "resume", (t, id, r, ct) => t.ResumeAsync(id, r, ct));
        MapStep(api, "resolve", (t, id, r, ct) => t.ResolveAsync(id, r, ct));
        MapStep(api, "close", (t, id, r, ct) => t.CloseAsync(id, r, ct));
        MapStep(api, "reopen", (t, id, r, ct) => t.ReopenAsync(id, r, ct));
        api.MapPost("/service-desk/escalate", async (EscalationRunner escalation, CancellationToken ct) =>
        {
            var run = await escalation.RunAsync(ct);
            return Results.Ok(new { recorded = run.Recorded.Count, examined = run.Examined, warnings = run.Warnings, breaches = run.Breaches, mails = run.MailsQueued });
        });
        api.MapPost("/mail/inbound", async (HttpRequest request, IncomingMail mail, CancellationToken ct) =>
            Results.Ok(await mail.ReceiveAsync(request.Body, ct)));

        api.MapPost("/consultations", async (ConsultationRequest request, WorkService work, CancellationToken ct) =>
            Results.Created((string?)null, await work.AddConsultationAsync(request, ct)));
        api.MapPost("/data-fixes", async (DataFixRequest request, WorkService work, CancellationToken ct) =>
            Results.Created((string?)null, await work.AddDataFixAsync(request, ct)));
        api.MapPost("/features", async (FeatureRequestRequest request, WorkService work, CancellationToken ct) =>
            Results.Created((string?)null, await work.AddFeatureAsync(request, ct)));
        api.MapGet("/customers/{code}/work", (string code, WorkService work, CancellationToken ct) => work.ListAsync(code, ct));
        api.MapPost("/features/{reference}/quote", async (string reference, CreateQuoteRequest request, WorkService work, CancellationToken ct) =>
            Results.Created((string?)null, await work.QuoteAsync(reference, request, ct)));
        api.MapPost("/features/{reference}/quote/approve", (string reference, ApproveQuoteRequest request, WorkService work, CancellationToken ct) =>
            work.ApproveAsync(reference, request, ct));

        api.MapPost("/time", async (AddTimeRequest request, TimeService time, CancellationToken ct) =>
            Results.Created((string?)null, await time.AddAsync(request, ct)));
        api.MapGet("/customers/{code}/statements/{month}", async (string code, string month, string? format, StatementService statements, CancellationToken ct) =>
        {
            var document = await statements.DocumentAsync(code, month, format, ct);
            return Results.Bytes(document.Content, document.ContentType);
        });
        api.MapGet("/customers/{code}/statements", (string code, StatementService statements, CancellationToken ct) => statements.ListAsync(code, ct));
        api.MapPost("/customers/{code}/statements", async (string code, IssueStatementRequest request, StatementService statements, CancellationToken ct) =>
        {
            var issued = await statements.IssueAsync(code, request.Month, ct);
            return Results.Created($"/api/statements/{issued.Number}", issued);
        });
        api.MapGet("/statements/{number}", async (string number, string? format, StatementService statements, CancellationToken ct) =>
        {
            var document = await statements.ShowAsync(number, format, ct);
            return Results.Bytes(document.Content, document.ContentType);
        });
        return app;
    }

    private static void MapStep(RouteGroupBuilder api, string step, Func<TicketService, long, TicketNoteRequest, CancellationToken, Task<TicketDto>> run) =>
        api.MapPost($"/tickets/{{id}}/{step}", (string id, TicketNoteRequest? request, TicketService tickets, CancellationToken ct) =>
            run(tickets, TicketService.ParseReference(id), request ?? new TicketNoteRequest(), ct));
}
