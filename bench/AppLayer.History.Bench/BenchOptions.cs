using System.Globalization;

namespace AppLayer.History.Bench;

/// <summary>Sizes of the run: <c>--customers N --events-per-customer N --iterations N --out FILE</c>.</summary>
internal sealed record BenchOptions(int Customers, int EventsPerCustomer, int Iterations, string? Out)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(Number("--customers", 1000), Number("--events-per-customer", 1000), Number("--iterations", 1000), Value("--out"));
    }
}
