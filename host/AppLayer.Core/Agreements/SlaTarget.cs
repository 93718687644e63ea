namespace AppLayer.Core.Agreements;

/// <summary>Response (until an expert is assigned) and resolution targets, in business minutes.</summary>
public sealed record SlaTarget(int ResponseMinutes, int ResolutionMinutes);
