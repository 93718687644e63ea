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

/// <summary>A feature's quote: <see cref="Basis"/> <c>fixed</c> (the price is billed) or <c>estimate</c> (time × rate, at most <see cref="Cap"/> in all).</summary>
public sealed record QuoteDto(long Id, string Feature, decimal Price, string Specification, DateTimeOffset SentAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, string Basis = "fixed", decimal? Cap = null);

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

/// <summary>A quote to send: <see cref="Basis"/> <c>fixed</c> (default) or <c>estimate</c>, which needs a <see cref="Cap"/> not below the price.</summary>
public sealed record CreateQuoteRequest(decimal Price, string Specification, string? Basis = null, decimal? Cap = null);

public sealed record ApproveQuoteRequest(string Contact);
