using NodaTime;

namespace AppLayer.Core.ServiceDesk.Sla;

/// <summary>A stretch when the SLA clock stands (waiting for the customer); <see cref="End"/> is <c>null</c> while it lasts.</summary>
public sealed record Pause(Instant Start, Instant? End);
