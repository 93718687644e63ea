using AppLayer.Protocol.Api;

namespace AppLayer.Core.Billing;

/// <summary>A statement as issued: its number, month, when, and its lines (each with the key of what it bills).</summary>
public sealed record IssuedStatement(long Id, long CustomerId, string Month, string Number, DateTimeOffset IssuedAt, decimal Net, decimal Vat, decimal Total, IReadOnlyList<IssuedLine> Lines);

/// <summary>
/// One stored line. <see cref="Key"/> names what it bills (<c>time:{id}</c>, <c>out-of-hours:{id}</c>,
/// <c>coverage:v{version}:{first day}</c>); a correction names the statement and line it corrects (no line: the corrected
/// statement did not have one for that key).
/// </summary>
public sealed record IssuedLine(int Line, string Key, StatementLineDto Value, long? CorrectsStatementId = null, int? CorrectsLine = null);

/// <summary>What issuing stores for a number: the statement, its lines, its bytes as JSON, HTML and CSV.</summary>
public sealed record RenderedStatement(StatementDto Statement, IReadOnlyList<IssuedLine> Lines, byte[] Json, byte[] Html, byte[] Csv);

/// <summary>A statement's bytes in one format, as stored (issued) or rendered now (not issued).</summary>
public sealed record StatementDocument(byte[] Content, string ContentType, string? Number);
