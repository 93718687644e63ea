namespace AppLayer.GitHubStandIn;

/// <summary>A release created through the stand-in.</summary>
public sealed record StandInRelease(long Id, string Repository, string TagName, string? Name, string? Body, bool Draft);
