namespace AppLayer.Site.Agent;

/// <summary>What <c>site enroll</c> stored in the IS database: the host, the key and who we are.</summary>
internal sealed record Enrollment(
    Uri Host,
    string Key,
    string Installation,
    string Customer,
    IReadOnlyList<string> Modules,
    string TimeZone);
