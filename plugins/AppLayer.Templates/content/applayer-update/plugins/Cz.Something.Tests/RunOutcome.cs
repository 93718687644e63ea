namespace Cz.Something.Tests;

/// <summary>How a run ended: committed, or rolled back at <see cref="Step"/> with <see cref="Message"/>.</summary>
public sealed record RunOutcome(bool Committed, string Step, string Message);
