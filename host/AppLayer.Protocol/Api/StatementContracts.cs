namespace AppLayer.Protocol.Api;

// Monthly statements per customer. Money is CZK without VAT unless named.

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
