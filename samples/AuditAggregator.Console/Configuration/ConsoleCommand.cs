namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>What the console was asked to do.</summary>
internal enum ConsoleCommand
{
    /// <summary>No command: an export, followed by the comparison when the output is a table.</summary>
    Overview,

    /// <summary>A one-shot merged read.</summary>
    Export,

    /// <summary>The comparative report.</summary>
    Compare,

    /// <summary>The live tail.</summary>
    Follow,

    /// <summary>The simulators, served until stopped.</summary>
    Simulate,
}
