namespace AppLayer.Protocol.Api;

// Work items besides tickets: HotLine consultations, data fixes, feature requests and their quotes. Money is CZK
// without VAT unless named.

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
