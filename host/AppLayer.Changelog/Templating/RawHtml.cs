namespace AppLayer.Changelog.Templating;

/// <summary>Markup built in code (already escaped), which an HTML template writes unchanged.</summary>
public sealed record RawHtml(string Html)
{
    public static readonly RawHtml Empty = new(string.Empty);

    public override string ToString() => Html;
}
