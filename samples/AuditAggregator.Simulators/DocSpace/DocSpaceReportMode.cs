namespace AuditAggregator.Simulators;

/// <summary>Which server generation answers <c>POST /api/2.0/security/audit/login/report</c>.</summary>
public enum DocSpaceReportMode
{
    /// <summary>The running servers (v3.7, v3.8): the POST answers at once with a string URL of a CSV file.</summary>
    Synchronous,

    /// <summary>The newest vendor spec: a background job (POST starts, GET polls, DELETE cancels).</summary>
    Asynchronous,
}
