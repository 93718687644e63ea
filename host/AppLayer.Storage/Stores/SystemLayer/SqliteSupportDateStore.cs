using AppLayer.Core.SystemLayer;
using Microsoft.Data.Sqlite;

namespace AppLayer.Storage.Stores.SystemLayer;

internal sealed class SqliteSupportDateStore(SqliteDatabase database) : ISupportDateStore
{
    private const string Selected = "component, cycle, name, ends_on, updated_at, updated_by";

    public async Task<IReadOnlyList<SupportDate>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var all = await connection.QueryAsync($"SELECT {Selected} FROM support_dates;", [], Read, cancellationToken);
        return [.. all.OrderBy(d => d.Component, StringComparer.Ordinal).ThenBy(d => d.Cycle, CycleOrder.Instance)];
    }

    public async Task<SupportDate> SetAsync(SupportDate date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(date);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleAsync(
            $"""
            INSERT INTO support_dates (component, cycle, name, ends_on, updated_at, updated_by) VALUES ($component, $cycle, $name, $ends, $at, $by)
            ON CONFLICT (component, cycle) DO UPDATE SET name = excluded.name, ends_on = excluded.ends_on, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            RETURNING {Selected};
            """,
            [
                ("$component", date.Component),
                ("$cycle", date.Cycle),
                ("$name", date.Name),
                ("$ends", date.EndsOn is { } ends ? Columns.Date(ends) : null),
                ("$at", Columns.Instant(date.UpdatedAt)),
                ("$by", date.UpdatedBy),
            ],
            Read,
            cancellationToken))!;
    }

    private static SupportDate Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : Columns.ReadDate(r.GetString(3)),
        Columns.ReadOptionalInstant(r.GetNullableString(4)),
        r.GetNullableString(5));

    /// <summary>Cycles in numeric order: 8 before 10, 10 before 10.1.</summary>
    private sealed class CycleOrder : IComparer<string>
    {
        public static readonly CycleOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split('.');
            var b = (y ?? string.Empty).Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var order = long.TryParse(a[i], out var m) && long.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
