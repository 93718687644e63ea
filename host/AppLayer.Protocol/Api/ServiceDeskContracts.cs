namespace AppLayer.Protocol.Api;

// Bodies of the service-desk API: agreement terms, contacts, tickets, consultations, data fixes,
// features and quotes, time entries and monthly statements. Money is CZK without VAT unless named.

/// <summary>Agreement terms; anything left <c>null</c> takes the default (business hours, standard rates and targets).</summary>
public sealed record AgreementTermsDto(
    string? Coverage = null,
    decimal? CoverageSurcharge = null,
    IReadOnlyDictionary<string, SlaTargetDto>? Targets = null,
    IReadOnlyDictionary<string, decimal>? Rates = null,
    decimal? IncludedHours = null,
    decimal? QuoteThresholdHours = null,
    int? RoundingMinutes = null,
    int? OutOfHoursSurchargePercent = null);

public sealed record SlaTargetDto(int ResponseMinutes, int ResolutionMinutes);

public sealed record CreateContactRequest(string Email, string Name);

/// <summary>A contact; <see cref="PortalToken"/> (their key to the web form) is shown only when the contact is created.</summary>
public sealed record ContactDto(string Customer, string Email, string Name, string? PortalToken = null);

public sealed record OpenTicketRequest(
    string Customer,
    string Subject,
    string Body,
    string? Service = null,
    string? Priority = null,
    string? Channel = null,
    string? Contact = null);

public sealed record AssignTicketRequest(string Expert);

/// <summary>Text for a step of the flow (inform, wait, resume, resolve, close, reopen); <see cref="Actor"/> defaults to the Help Desk.</summary>
public sealed record TicketNoteRequest(string? Text = null, string? Actor = null);

public sealed record SlaDto(
    int ResponseTargetMinutes,
    int ResolutionTargetMinutes,
    int ElapsedMinutes,
    DateTimeOffset? ResponseDue,
    DateTimeOffset? ResolutionDue,
    bool Paused);

public sealed record TicketEventDto(DateTimeOffset At, string Kind, string Actor, string Text);

public sealed record TicketDto(
    long Id,
    string Tag,
    string Customer,
    string Subject,
    string Body,
    string Service,
    string Priority,
    string Channel,
    string? Contact,
    string Status,
    string? Assignee,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    SlaDto Sla,
    IReadOnlyList<TicketEventDto> Events);

public sealed record ConsultationRequest(
    string Customer,
    string Type,
    string Area,
    string Topic,
    string Worker,
    DateTimeOffset StartedAt,
    int Minutes,
    string Outcome,
    long? Ticket = null);

public sealed record DataFixRequest(string Customer, string Title, string Cause, long? Ticket = null);

public sealed record FeatureRequestRequest(string Customer, string Title, decimal EstimateHours, long? Ticket = null);

public sealed record QuoteDto(long Id, string Feature, decimal Price, string Specification, DateTimeOffset SentAt, string? ApprovedBy, DateTimeOffset? ApprovedAt);

public sealed record WorkItemDto(
    long Id,
    string Reference,
    string Customer,
    string Kind,
    string Title,
    string Category,
    bool Chargeable,
    decimal? EstimateHours,
    string Outcome,
    long? Ticket,
    bool QuoteRequired,
    QuoteDto? Quote);

public sealed record CreateQuoteRequest(decimal Price, string Specification);

public sealed record ApproveQuoteRequest(string Contact);

/// <summary>Time on a ticket (<c>AL-12</c>) or a work item (<c>C-3</c>, <c>D-4</c>, <c>F-5</c>).</summary>
public sealed record AddTimeRequest(string On, string Worker, DateTimeOffset StartedAt, int Minutes, string? Note = null, string? Customer = null);

public sealed record TimeEntryDto(long Id, string Customer, string Reference, string Kind, bool Chargeable, string Worker, DateTimeOffset StartedAt, int Minutes, string Note);

public sealed record StatementLineDto(
    DateOnly Date,
    string Reference,
    string Description,
    string Billing,
    int Minutes,
    int BilledMinutes,
    int IncludedMinutes,
    decimal Rate,
    decimal Amount);

public sealed record StatementDto(
    string Customer,
    string Name,
    string Month,
    IReadOnlyList<StatementLineDto> Lines,
    int CoveredMinutes,
    int IncludedMinutes,
    int IncludedMinutesUsed,
    decimal Net,
    decimal VatRate,
    decimal Vat,
    decimal Total);
