using System.Globalization;
using AppLayer.Core;

namespace AppLayer.Cli.Commands;

/// <summary>Dates on the command line: <c>YYYY-MM-DD</c>, or nothing.</summary>
internal static class CliDates
{
    public static DateOnly? Optional(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? null : ChangeCommand.ParseDate(text, option);

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
