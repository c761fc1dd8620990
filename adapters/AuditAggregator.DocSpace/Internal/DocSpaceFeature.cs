namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The part of the DocSpace API a call reads, so that an error says which one the plan or the account lacks.
/// </summary>
internal enum DocSpaceFeature
{
    /// <summary>The login history, <c>/audit/login/*</c>.</summary>
    LoginHistory,

    /// <summary>The audit trail, <c>/audit/events/*</c>.</summary>
    AuditTrail,
}
