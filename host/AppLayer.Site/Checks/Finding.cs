namespace AppLayer.Site.Checks;

/// <summary>One result of a check: <c>ok</c>, <c>info</c>, <c>warning</c> or <c>error</c>, what was seen and what to do.</summary>
public sealed record Finding(string Check, string Severity, string Message, string? Recommendation);
