namespace AuditAggregator.DocSpace;

/// <summary>
/// The file format of a login-history report (<c>AuditReportFormat</c>); servers that build the report synchronously ignore it.
/// </summary>
public enum DocSpaceReportFormat
{
    /// <summary>An Excel workbook, the newer servers' default.</summary>
    Xlsx = 0,

    /// <summary>Comma-separated values.</summary>
    Csv = 1,
}
