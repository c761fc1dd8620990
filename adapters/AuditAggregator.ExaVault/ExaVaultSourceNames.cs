namespace AuditAggregator.ExaVault;

/// <summary>
/// The names ExaVault events carry.
/// </summary>
public static class ExaVaultSourceNames
{
    /// <summary>The vendor name every event carries in <see cref="AuditEvent.Vendor"/>, <c>exavault</c>.</summary>
    public const string Vendor = "exavault";

    /// <summary>The default source name of a single account, <c>exavault</c>.</summary>
    public const string Source = "exavault";

    /// <summary>The session-activity stream, <c>session</c>.</summary>
    public const string SessionStream = "session";

    /// <summary>The webhook-log stream, <c>webhook</c>.</summary>
    public const string WebhookStream = "webhook";
}
