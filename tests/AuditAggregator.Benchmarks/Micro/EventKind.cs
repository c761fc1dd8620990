namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// The stream whose parsed events a writer benchmark writes.
/// </summary>
public enum EventKind
{
    /// <summary>DocSpace login history.</summary>
    DocSpaceLogin,

    /// <summary>DocSpace audit trail.</summary>
    DocSpaceTrail,

    /// <summary>ExaVault session activity.</summary>
    ExaVaultSession,

    /// <summary>ExaVault webhook activity.</summary>
    ExaVaultWebhook,
}
