namespace AuditAggregator.ExaVault;

/// <summary>
/// The ExaVault activity logs a source reads.
/// </summary>
[Flags]
public enum ExaVaultStreams
{
    /// <summary>No log; not a valid setting.</summary>
    None = 0,

    /// <summary>The session activity log (<c>GET /activity/session</c>): logins, file operations, shares, users.</summary>
    Session = 1,

    /// <summary>The webhook log (<c>GET /activity/webhooks</c>): every outbound webhook delivery.</summary>
    Webhook = 2,

    /// <summary>Both logs, merged newest first.</summary>
    All = Session | Webhook,
}
