using Microsoft.Extensions.Logging;

namespace AppLayer.Core.Billing;

/// <summary>Log lines of issuing statements (event ids 4140–4149, docs/operations.md).</summary>
public static partial class StatementLog
{
    [LoggerMessage(EventId = 4140, Level = LogLevel.Information, Message = "Issuing the statement of {Customer} for {Month}.")]
    public static partial void Issuing(ILogger logger, string customer, string month);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Information, Message = "Correction on {Customer}'s statement for {Month}: {Corrected} line {Line} ({Key}) by {Amount} CZK.")]
    public static partial void Correction(ILogger logger, string customer, string month, string corrected, int? line, string key, decimal amount);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Information, Message = "Statement {Number} issued for {Customer} {Month}: {Lines} line(s), {Corrections} correction(s), net {Net} CZK, total {Total} CZK; {HtmlBytes} HTML and {CsvBytes} CSV bytes stored.")]
    public static partial void Issued(ILogger logger, string number, string customer, string month, int lines, int corrections, decimal net, decimal total, int htmlBytes, int csvBytes);

    [LoggerMessage(EventId = 4143, Level = LogLevel.Warning, Message = "Statement of {Customer} for {Month} not issued: {Reason}")]
    public static partial void Refused(ILogger logger, string customer, string month, string reason);

    [LoggerMessage(EventId = 4144, Level = LogLevel.Debug, Message = "Statement {Number} served as stored ({Format}, {Bytes} bytes).")]
    public static partial void Served(ILogger logger, string number, string format, int bytes);
}
