using AppLayer.Sdk;

namespace Cz.Vat2024;

/// <summary>Checks that the IS database has the tables and columns an update relies on.</summary>
internal static class SchemaCheck
{
    public static async Task<IReadOnlyList<string>> MissingColumnsAsync(IUpdateContext context, string table, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var command = context.Command("SELECT name FROM pragma_table_info($table)", ("$table", table));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            present.Add(reader.GetString(0));
        }

        return present.Count == 0 ? ["the whole table"] : columns.Where(c => !present.Contains(c)).ToList();
    }
}
