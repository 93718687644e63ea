namespace AppLayer.GitHubStandIn;

/// <summary>A request the stand-in received, with the Authorization header exactly as sent.</summary>
public sealed record StandInRequest(string Method, string PathAndQuery, string? Authorization, int Status);
