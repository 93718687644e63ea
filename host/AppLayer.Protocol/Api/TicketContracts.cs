namespace AppLayer.Protocol.Api;

// Help Desk tickets: opening, assigning, notes for the customer, their SLA and history.

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
