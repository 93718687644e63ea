namespace AppLayer.Host.Dashboard;

/// <summary>The fleet page's query: filters (state, release not applied, IS version, module, customer, free text), sort and page.</summary>
internal sealed record FleetFilter(
    string? State,
    string? Release,
    string? Version,
    string? Module,
    string? Customer,
    string? Q,
    string? Sort,
    int? Page)
{
    public const int PageSize = 50;

    /// <summary>The states a row can be in, worst first; a row shows the first that holds.</summary>
    public static readonly string[] States = ["failing", "exposed", "unsupported", "behind", "up-to-date", "no-installation"];

    public static readonly string[] Sorts = ["state", "customer", "installation", "version", "latest"];

    /// <summary>The query string of these filters (and sort), without the page, for links that keep them.</summary>
    public List<KeyValuePair<string, string>> Query() =>
        new (string Name, string? Value)[] { ("state", State), ("release", Release), ("version", Version), ("module", Module), ("customer", Customer), ("q", Q), ("sort", Sort) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => KeyValuePair.Create(p.Name, p.Value!.Trim()))
            .ToList();

    /// <exception cref="Protocol.UserException">An unknown state or sort, or a page below 1.</exception>
    public FleetFilter Checked()
    {
        if (!string.IsNullOrWhiteSpace(State) && !States.Contains(State.Trim()))
        {
            throw new Protocol.UserException($"state '{State}' is none of {string.Join(", ", States)}.");
        }

        if (!string.IsNullOrWhiteSpace(Sort) && !Sorts.Contains(Sort.Trim()))
        {
            throw new Protocol.UserException($"sort '{Sort}' is none of {string.Join(", ", Sorts)}.");
        }

        if (Page is < 1)
        {
            throw new Protocol.UserException($"page '{Page}' is not a page number (1 or more).");
        }

        return this;
    }
}
