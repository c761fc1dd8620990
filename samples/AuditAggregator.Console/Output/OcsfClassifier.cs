namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Picks the OCSF class of an event, per <c>audit-event.md</c> "Standard schemas": Authentication (3002, Logon 1,
/// Logoff 2) for authentication, File Hosting Activity (6006) for file and sharing operations, Account Change (3001)
/// for users, and the Base Event (0, activity Other) for notifications, webhook deliveries and the rest.
/// </summary>
internal static class OcsfClassifier
{
    private const string IdentityAccess = "Identity & Access Management";
    private const string ApplicationActivity = "Application Activity";

    public static OcsfClass Classify(AuditEvent auditEvent) => auditEvent.Category switch
    {
        AuditCategory.Authentication => Authentication(auditEvent.Action),
        AuditCategory.File or AuditCategory.Sharing => FileHosting(auditEvent.Action),
        AuditCategory.Account => AccountChange(auditEvent.Action),
        _ => new OcsfClass(0, "Base Event", 0, "Uncategorized", 99, "Other"),
    };

    private static OcsfClass Authentication(string action) => action switch
    {
        AuditActions.Login or AuditActions.SessionStart => new OcsfClass(3002, "Authentication", 3, IdentityAccess, 1, "Logon"),
        AuditActions.Logout or AuditActions.SessionEnd => new OcsfClass(3002, "Authentication", 3, IdentityAccess, 2, "Logoff"),
        _ => new OcsfClass(3002, "Authentication", 3, IdentityAccess, 99, "Other"),
    };

    private static OcsfClass FileHosting(string action)
    {
        var (id, name) = action switch
        {
            AuditActions.Upload => (1, "Upload"),
            AuditActions.Download => (2, "Download"),
            AuditActions.Update => (3, "Update"),
            AuditActions.Delete => (4, "Delete"),
            AuditActions.Rename => (5, "Rename"),
            AuditActions.Copy => (6, "Copy"),
            AuditActions.Move => (7, "Move"),
            AuditActions.ShareCreate or AuditActions.SendCreate or AuditActions.ReceiveCreate or AuditActions.DirectLinkCreate => (12, "Share"),
            AuditActions.ShareDelete or AuditActions.SendDelete or AuditActions.ReceiveDelete or AuditActions.DirectLinkDelete => (13, "Unshare"),
            AuditActions.ShareUpdate or AuditActions.SendUpdate or AuditActions.ReceiveUpdate or AuditActions.DirectLinkUpdate => (3, "Update"),
            _ => (99, "Other"),
        };
        return new OcsfClass(6006, "File Hosting Activity", 6, ApplicationActivity, id, name);
    }

    private static OcsfClass AccountChange(string action) => action switch
    {
        AuditActions.UserCreate => new OcsfClass(3001, "Account Change", 3, IdentityAccess, 1, "Create"),
        AuditActions.UserDelete => new OcsfClass(3001, "Account Change", 3, IdentityAccess, 6, "Delete"),
        _ => new OcsfClass(3001, "Account Change", 3, IdentityAccess, 99, "Other"),
    };
}
