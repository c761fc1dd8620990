namespace AuditAggregator.DocSpace;

/// <summary>
/// The names DocSpace events carry.
/// </summary>
public static class DocSpaceSourceNames
{
    /// <summary>The vendor name every event carries in <see cref="AuditEvent.Vendor"/>, <c>docspace</c>.</summary>
    public const string Vendor = "docspace";

    /// <summary>The default source name of a single account, <c>docspace</c>.</summary>
    public const string Source = "docspace";

    /// <summary>The login-history stream, <c>login</c>.</summary>
    public const string LoginStream = "login";

    /// <summary>The audit-trail stream (file, folder, room and link events), <c>audit</c>.</summary>
    public const string AuditStream = "audit";
}
