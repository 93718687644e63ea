using System.CommandLine;
using System.Globalization;
using AppLayer.Core;
using AppLayer.Core.ServiceDesk.Calendar;
using AppLayer.Protocol;
using NodaTime;
using NodaTime.Text;

namespace AppLayer.Cli.Commands;

/// <summary>Options and parsing the service-desk verbs share.</summary>
internal static class ServiceDeskOptions
{
    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Optional(string name, string description) => new(name) { Description = description };

    /// <summary>An ISO date and time; without an offset it is Prague wall-clock time (e.g. 2026-10-05T09:00).</summary>
    public static DateTimeOffset ParseStart(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            return exact;
        }

        var local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(value);
        if (!local.Success)
        {
            throw new UserException($"'{text}' is not a time like 2026-10-05T09:00 (Prague time) or 2026-10-05T07:00Z.");
        }

        return local.Value.InZoneLeniently(DateTimeZoneProviders.Tzdb[CoverageCalendar.DefaultZoneId]).ToDateTimeOffset();
    }
}
