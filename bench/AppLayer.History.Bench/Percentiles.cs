namespace AppLayer.History.Bench;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
internal sealed class Percentiles
{
    private readonly List<double> _samples = [];

    public void Add(TimeSpan elapsed) => _samples.Add(elapsed.TotalMilliseconds);

    public double P(double percentile)
    {
        var sorted = _samples.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
