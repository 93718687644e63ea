namespace AppLayer.Site;

/// <summary>How a <see cref="SiteAgent"/> talks to the world.</summary>
public sealed class SiteAgentOptions
{
    /// <summary>The clock for applied-at and report times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where progress lines go (<c>applied ...</c>, <c>FAILED ...</c>).</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>How long one call to the host's site API may take.</summary>
    public TimeSpan HostTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How long one signed metadata file may take to arrive (slow-retrieval guard).</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one package download may take (slow-retrieval guard).</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
