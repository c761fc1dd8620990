using AuditAggregator.Resilience;

namespace AuditAggregator.FaultTests.Support;

/// <summary>Options of <see cref="FaultHarness"/>.</summary>
public sealed class HarnessOptions
{
    /// <summary>Gets or sets the total number of simulated events (half DocSpace, half ExaVault). Default 5,000.</summary>
    public int TotalEventCount { get; set; } = 5000;

    /// <summary>Gets or sets how many events each simulator adds at the head of a log before serving each page. Default 0.</summary>
    public int AppendBeforeEachPage { get; set; }

    /// <summary>Gets or sets the DocSpace page size (<c>count</c>). Default 100, the server's maximum.</summary>
    public int DocSpacePageSize { get; set; } = 100;

    /// <summary>Gets or sets the ExaVault page size (<c>limit</c>). Default 100, so a window takes several pages.</summary>
    public int ExaVaultPageSize { get; set; } = 100;

    /// <summary>Gets or sets a callback that adjusts both adapters' resilience options after the tiny test defaults.</summary>
    public Action<SourceResilienceOptions>? Resilience { get; set; }
}
