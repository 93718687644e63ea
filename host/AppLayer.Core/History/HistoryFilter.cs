using System.Globalization;
using AppLayer.Protocol;

namespace AppLayer.Core.History;

/// <summary>Turns the filter texts of a URL or a command line into a <see cref="HistoryQuery"/>; a bad value is a <see cref="UserException"/>.</summary>
public static class HistoryFilter
{
    public static HistoryQuery Parse(
        string? kind,
        string? from,
        string? to,
        string? module,
        string? legal,
        string? installation,
        string? after,
        string? limit)
    {
        var query = new HistoryQuery
        {
            Kinds = Kinds(kind),
            From = Date(from, "from"),
            To = Date(to, "to"),
            Module = Blank(module)?.ToLowerInvariant(),
            Legal = Blank(legal),
            Installation = Blank(installation),
            After = Blank(after) is { } cursor ? HistoryCursor.Parse(cursor) : null,
            Limit = Limit(limit),
        };
        if (query.From > query.To)
        {
            throw new UserException($"The period starts ({query.From:yyyy-MM-dd}) after it ends ({query.To:yyyy-MM-dd}).");
        }

        return query;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Kinds(string? kind)
    {
        var kinds = (kind ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant())
            .Distinct()
            .ToList();
        foreach (var k in kinds)
        {
            if (k.Length > 50 || k.Any(c => c is not (>= 'a' and <= 'z') and not (>= '0' and <= '9') and not '-'))
            {
                throw new UserException($"'{k}' is not an event kind; kinds are lower-case words joined by '-', e.g. update-applied.");
            }
        }

        return kinds;
    }

    private static DateOnly? Date(string? text, string name)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserException($"The '{name}' date '{value}' is not a date; use YYYY-MM-DD, e.g. 2024-01-31.");
    }

    private static int Limit(string? text)
    {
        if (Blank(text) is not { } value)
        {
            return HistoryQuery.DefaultLimit;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= HistoryQuery.MaxLimit
            ? limit
            : throw new UserException($"The limit '{value}' is not a whole number from 1 to {HistoryQuery.MaxLimit}.");
    }
}
