namespace AuditAggregator.ConsoleApp.Configuration;

/// <summary>A source's name and vendor.</summary>
/// <param name="Name">The source name, which events carry as <c>source</c>.</param>
/// <param name="Vendor">The vendor, <c>docspace</c> or <c>exavault</c>.</param>
internal sealed record SourceName(string Name, string Vendor);
