namespace Cz.Vat2024;

/// <summary>VAT arithmetic on haléře (1 CZK = 100 haléřů).</summary>
internal static class Vat
{
    /// <summary>The VAT of a net amount at a rate, rounded half away from zero to whole haléře.</summary>
    public static long Haler(long netHaler, int ratePercent) =>
        decimal.ToInt64(Math.Round(netHaler * (decimal)ratePercent / 100m, 0, MidpointRounding.AwayFromZero));
}
