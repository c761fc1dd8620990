namespace AuditAggregator.DocSpace;

/// <summary>
/// The names DocSpace events carry.
/// </summary>
public static class DocSpaceSourceNames
{
    /// <summary>The source name, <c>docspace</c>.</summary>
    public const string Source = "docspace";

    /// <summary>The login-history stream, <c>login</c>.</summary>
    public const string LoginStream = "login";
}
