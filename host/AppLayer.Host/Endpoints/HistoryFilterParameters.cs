using AppLayer.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace AppLayer.Host.Endpoints;

/// <summary>
/// The history filters of a query string. They bind as text, so a bad value (a date that is no date)
/// becomes one clear 400 problem from <see cref="HistoryFilter"/> rather than a binding failure.
/// </summary>
internal sealed record HistoryFilterParameters(
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "module")] string? Module,
    [property: FromQuery(Name = "legal")] string? Legal,
    [property: FromQuery(Name = "installation")] string? Installation,
    [property: FromQuery(Name = "after")] string? After,
    [property: FromQuery(Name = "limit")] string? Limit)
{
    public HistoryQuery ToQuery() => HistoryFilter.Parse(Kind, From, To, Module, Legal, Installation, After, Limit);
}
