using System.Globalization;
using AppLayer.Protocol.Api;

namespace AppLayer.Core.Billing;

/// <summary>
/// What an issued month comes to now against what was billed for it (its own lines plus every correction issued for it
/// since), line by line: one correction line per key whose minutes or amount differ, carrying only the difference and
/// naming the corrected statement and line. Adding the corrections to what was billed gives the month as it is now.
/// </summary>
public static class StatementCorrections
{
    /// <param name="corrected">The issued statement to correct.</param>
    /// <param name="issued">Every issued statement of the customer (their correction lines count as billed for <paramref name="corrected"/>).</param>
    /// <param name="now">The corrected month's own lines as they would be computed now.</param>
    /// <returns>The correction lines, numbered from 1 in the order of the month's lines now, then of the lines gone.</returns>
    public static IReadOnlyList<IssuedLine> Of(IssuedStatement corrected, IReadOnlyList<IssuedStatement> issued, IReadOnlyList<IssuedLine> now)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(now);
        var original = corrected.Lines.Where(l => l.CorrectsStatementId is null).ToDictionary(l => l.Key, StringComparer.Ordinal);
        var billed = original.Values.ToDictionary(l => l.Key, l => Tally.Of(l.Value), StringComparer.Ordinal);
        foreach (var line in issued.SelectMany(s => s.Lines).Where(l => l.CorrectsStatementId == corrected.Id))
        {
            billed[line.Key] = billed.TryGetValue(line.Key, out var sum) ? sum + Tally.Of(line.Value) : Tally.Of(line.Value);
        }

        var result = new List<IssuedLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in now)
        {
            seen.Add(line.Key);
            var was = billed.GetValueOrDefault(line.Key);
            var difference = Tally.Of(line.Value) - was;
            if (!difference.IsZero)
            {
                result.Add(Line(corrected, original.GetValueOrDefault(line.Key), line.Key, line.Value, difference, result.Count + 1));
            }
        }

        foreach (var (key, was) in billed.Where(b => !seen.Contains(b.Key)).OrderBy(b => original.GetValueOrDefault(b.Key)?.Line ?? int.MaxValue))
        {
            if (!was.IsZero)
            {
                var gone = original.GetValueOrDefault(key);
                result.Add(Line(corrected, gone, key, gone?.Value, Tally.Zero - was, result.Count + 1));
            }
        }

        return result;
    }

    private static IssuedLine Line(IssuedStatement corrected, IssuedLine? original, string key, StatementLineDto? now, Tally difference, int number)
    {
        var basis = now ?? original!.Value;
        var corrects = original is null
            ? corrected.Number
            : string.Create(CultureInfo.InvariantCulture, $"{corrected.Number} line {original.Line}");
        var what = now is null ? "no longer billed" : original is null ? "not on it" : "now";
        var description = $"correction of {corrects} ({corrected.Month}, {what}): {basis.Description}";
        return new IssuedLine(
            number,
            key,
            new StatementLineDto(basis.Date, basis.Reference, description, "correction", difference.Minutes, difference.BilledMinutes, difference.IncludedMinutes, basis.Rate, difference.Amount, corrects),
            corrected.Id,
            original?.Line);
    }

    private readonly record struct Tally(int Minutes, int BilledMinutes, int IncludedMinutes, decimal Amount)
    {
        public static Tally Zero => default;

        public bool IsZero => Minutes == 0 && BilledMinutes == 0 && IncludedMinutes == 0 && Amount == 0m;

        public static Tally Of(StatementLineDto line) => new(line.Minutes, line.BilledMinutes, line.IncludedMinutes, line.Amount);

        public static Tally operator +(Tally a, Tally b) => new(a.Minutes + b.Minutes, a.BilledMinutes + b.BilledMinutes, a.IncludedMinutes + b.IncludedMinutes, a.Amount + b.Amount);

        public static Tally operator -(Tally a, Tally b) => new(a.Minutes - b.Minutes, a.BilledMinutes - b.BilledMinutes, a.IncludedMinutes - b.IncludedMinutes, a.Amount - b.Amount);
    }
}
