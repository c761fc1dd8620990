namespace AuditAggregator.ConsoleApp.Output;

/// <summary>The lower-case names of the enums, as the JSON form writes them.</summary>
internal static class Names
{
    public static string Of(AuditCategory category) => category switch
    {
        AuditCategory.Authentication => "authentication",
        AuditCategory.File => "file",
        AuditCategory.Sharing => "sharing",
        AuditCategory.Account => "account",
        AuditCategory.Notification => "notification",
        AuditCategory.Webhook => "webhook",
        _ => "other",
    };

    public static string Of(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Failure => "failure",
        _ => "unknown",
    };
}
