namespace AppLayer.Sdk;

/// <summary>What an update may know about the installation it runs at.</summary>
public sealed record InstallationFacts(
    string Code,
    string CustomerCode,
    string IsVersion,
    IReadOnlyList<string> Modules,
    string TimeZone);
