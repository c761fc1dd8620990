namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The login-history routes, relative to the portal's address.
/// </summary>
internal static class DocSpaceRoutes
{
    public const string Last = "api/2.0/security/audit/login/last";
    public const string Filter = "api/2.0/security/audit/login/filter";
    public const string Report = "api/2.0/security/audit/login/report";

    /// <summary>
    /// Joins the portal's address and a route; a portal under a path keeps its path.
    /// </summary>
    public static Uri Build(Uri baseUrl, string route, string query = "")
    {
        var root = baseUrl.AbsoluteUri;
        var separator = root.EndsWith('/') ? string.Empty : "/";
        return new Uri(string.Concat(root, separator, route, query.Length == 0 ? string.Empty : "?", query), UriKind.Absolute);
    }
}
