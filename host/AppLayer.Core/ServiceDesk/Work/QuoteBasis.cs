namespace AppLayer.Core.ServiceDesk.Work;

/// <summary>What a quote binds the statement to (stored and written as <c>fixed</c> or <c>estimate</c>).</summary>
public enum QuoteBasis
{
    /// <summary>A fixed price: billed once, in the month the customer approved it; the time logged under it is listed at no charge.</summary>
    Fixed,

    /// <summary>An estimate with a cap: time × rate as logged, never more in all than the cap.</summary>
    Estimate,
}
