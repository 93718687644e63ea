using System.Globalization;
using System.Text;
using AppLayer.Core.History;

namespace AppLayer.Storage.Stores;

/// <summary>
/// The <c>WHERE</c> clause of a history query, from constant fragments only (values travel as parameters).
/// The customer and the keyset condition come first so SQLite walks <c>ix_history_events_customer</c>
/// (or <c>ix_history_events_customer_kind</c> for one kind) in (at, id) order.
/// </summary>
internal static class HistoryWhere
{
    public static (string Where, List<(string Name, object? Value)> Parameters) Build(long customerId, HistoryQuery query)
    {
        var where = new StringBuilder("customer_id = $customer");
        var parameters = new List<(string Name, object? Value)> { ("$customer", customerId) };
        if (query.NewestFirst && query.Before is { } before)
        {
            where.Append(" AND (at, id) > ($after_at, $after_id)");
            parameters.Add(("$after_at", Columns.Instant(before.At)));
            parameters.Add(("$after_id", before.Id));
        }
        else if (query.NewestFirst && query.After is { } older)
        {
            where.Append(" AND (at, id) < ($after_at, $after_id)");
            parameters.Add(("$after_at", Columns.Instant(older.At)));
            parameters.Add(("$after_id", older.Id));
        }
        else if (query.After is { } after)
        {
            where.Append(" AND (at, id) > ($after_at, $after_id)");
            parameters.Add(("$after_at", Columns.Instant(after.At)));
            parameters.Add(("$after_id", after.Id));
        }

        if (query.Kinds.Count > 0)
        {
            var names = query.Kinds.Select((_, i) => "$kind" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            where.Append(" AND kind IN (").Append(string.Join(", ", names)).Append(')');
            parameters.AddRange(names.Zip(query.Kinds, (name, kind) => (name, (object?)kind)));
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= $from");
            parameters.Add(("$from", Columns.Instant(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))));
        }

        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            where.Append(" AND at < $to");
            parameters.Add(("$to", Columns.Instant(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))));
        }

        if (query.Module is { } module)
        {
            where.Append(" AND modules LIKE $module ESCAPE '\\'");
            parameters.Add(("$module", "%|" + HistoryLists.Literal(module) + "|%"));
        }

        if (query.Legal is { } legal)
        {
            where.Append(" AND legal_references LIKE $legal ESCAPE '\\'");
            parameters.Add(("$legal", "%" + HistoryLists.Literal(legal) + "%"));
        }

        if (query.Installation is { } installation)
        {
            where.Append(" AND installation = $installation COLLATE NOCASE");
            parameters.Add(("$installation", installation));
        }

        return (where.ToString(), parameters);
    }
}
