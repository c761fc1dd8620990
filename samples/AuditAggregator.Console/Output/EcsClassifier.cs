namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// The ECS <c>event.category</c> and <c>event.type</c> of an event, per <c>audit-event.md</c> "Standard schemas":
/// authentication start/end, file creation/access/change/deletion, iam user changes. Notifications map to
/// configuration, webhook deliveries to web, and anything else to type <c>info</c> with no category.
/// </summary>
internal static class EcsClassifier
{
    public static (string[] Categories, string[] Types) Classify(AuditEvent auditEvent)
    {
        var action = auditEvent.Action;
        return auditEvent.Category switch
        {
            AuditCategory.Authentication => action switch
            {
                AuditActions.Login => (["authentication"], ["start"]),
                AuditActions.Logout => (["authentication"], ["end"]),
                AuditActions.SessionStart => (["authentication", "session"], ["start"]),
                AuditActions.SessionEnd => (["authentication", "session"], ["end"]),
                _ => (["authentication"], ["info"]),
            },
            AuditCategory.File => action switch
            {
                AuditActions.Download => (["file"], ["access"]),
                AuditActions.Delete => (["file"], ["deletion"]),
                AuditActions.Rename or AuditActions.Move or AuditActions.Update or AuditActions.Archive => (["file"], ["change"]),
                _ => (["file"], ["creation"]),
            },
            AuditCategory.Sharing => (["file"], [Change(action)]),
            AuditCategory.Account => (["iam"], ["user", Change(action)]),
            AuditCategory.Notification => (["configuration"], [Change(action)]),
            AuditCategory.Webhook => (["web"], ["info"]),
            _ => ([], ["info"]),
        };
    }

    private static string Change(string action) =>
        action.EndsWith("-create", StringComparison.Ordinal) ? "creation"
        : action.EndsWith("-delete", StringComparison.Ordinal) ? "deletion"
        : "change";
}
