namespace AuditAggregator.FaultTests.Support;

/// <summary>The two simulated vendors, each behind its adapter.</summary>
public enum Vendor
{
    /// <summary>ONLYOFFICE DocSpace login history (offset paging with <c>startIndex</c>, filtered on the client).</summary>
    DocSpace,

    /// <summary>ExaVault session and webhook logs (offset paging with <c>offset</c>, date window on the server).</summary>
    ExaVault,
}
