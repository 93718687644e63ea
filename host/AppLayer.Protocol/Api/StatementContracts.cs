namespace AppLayer.Protocol.Api;

// Monthly statements per customer. Money is CZK without VAT unless named.

/// <summary>
/// One line of a statement. A correction line (<see cref="Billing"/> <c>correction</c>) carries only the difference
/// (minutes and amount) between what an issued statement billed for one of its lines and what that line comes to now;
/// <see cref="Corrects"/> names the statement and line, e.g. <c>2026-0001 line 7</c>.
/// </summary>
public sealed record StatementLineDto(
    DateOnly Date,
    string Reference,
    string Description,
    string Billing,
    int Minutes,
    int BilledMinutes,
    int IncludedMinutes,
    decimal Rate,
    decimal Amount,
    string? Corrects = null);

/// <summary>A month's statement; an issued one has its <see cref="Number"/> (e.g. <c>2026-0001</c>) and the instant it was issued.</summary>
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
    decimal Total,
    string? Number = null,
    DateTimeOffset? IssuedAt = null);

/// <summary>Issues a customer's month (<c>POST /api/customers/{code}/statements</c>): once, and only after it ended.</summary>
public sealed record IssueStatementRequest(string Month);

/// <summary>An issued statement in a customer's list.</summary>
public sealed record IssuedStatementDto(string Number, string Customer, string Month, DateTimeOffset IssuedAt, decimal Net, decimal Vat, decimal Total);
