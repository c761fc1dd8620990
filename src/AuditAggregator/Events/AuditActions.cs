namespace AuditAggregator;

/// <summary>
/// The normalized action vocabulary (kebab-case) of <see cref="AuditEvent.Action"/>.
/// </summary>
/// <remarks>
/// Authentication is action plus outcome: a failed login is <see cref="Login"/> with <see cref="AuditOutcome.Failure"/>.
/// </remarks>
public static class AuditActions
{
    /// <summary>A login attempt.</summary>
    public const string Login = "login";

    /// <summary>A logout.</summary>
    public const string Logout = "logout";

    /// <summary>A session started.</summary>
    public const string SessionStart = "session-start";

    /// <summary>A session ended.</summary>
    public const string SessionEnd = "session-end";

    /// <summary>A file was uploaded.</summary>
    public const string Upload = "upload";

    /// <summary>A file was downloaded.</summary>
    public const string Download = "download";

    /// <summary>A file or folder was deleted.</summary>
    public const string Delete = "delete";

    /// <summary>A folder was created.</summary>
    public const string CreateFolder = "create-folder";

    /// <summary>A file was created in place (not uploaded).</summary>
    public const string Create = "create";

    /// <summary>A file's content was changed in place.</summary>
    public const string Update = "update";

    /// <summary>A room or folder was archived.</summary>
    public const string Archive = "archive";

    /// <summary>A file or folder was renamed.</summary>
    public const string Rename = "rename";

    /// <summary>A file or folder was moved.</summary>
    public const string Move = "move";

    /// <summary>A file or folder was copied.</summary>
    public const string Copy = "copy";

    /// <summary>Files were compressed into an archive.</summary>
    public const string Compress = "compress";

    /// <summary>An archive was extracted.</summary>
    public const string Extract = "extract";

    /// <summary>A shared folder was created.</summary>
    public const string ShareCreate = "share-create";

    /// <summary>A shared folder was changed.</summary>
    public const string ShareUpdate = "share-update";

    /// <summary>A shared folder was removed.</summary>
    public const string ShareDelete = "share-delete";

    /// <summary>A send was created.</summary>
    public const string SendCreate = "send-create";

    /// <summary>A send was changed.</summary>
    public const string SendUpdate = "send-update";

    /// <summary>A send was removed.</summary>
    public const string SendDelete = "send-delete";

    /// <summary>A receive folder was created.</summary>
    public const string ReceiveCreate = "receive-create";

    /// <summary>A receive folder was changed.</summary>
    public const string ReceiveUpdate = "receive-update";

    /// <summary>A receive folder was removed.</summary>
    public const string ReceiveDelete = "receive-delete";

    /// <summary>A direct link was created.</summary>
    public const string DirectLinkCreate = "direct-link-create";

    /// <summary>A direct link was changed.</summary>
    public const string DirectLinkUpdate = "direct-link-update";

    /// <summary>A direct link was removed.</summary>
    public const string DirectLinkDelete = "direct-link-delete";

    /// <summary>A notification was created.</summary>
    public const string NotificationCreate = "notification-create";

    /// <summary>A notification was changed.</summary>
    public const string NotificationUpdate = "notification-update";

    /// <summary>A notification was removed.</summary>
    public const string NotificationDelete = "notification-delete";

    /// <summary>A user account was created.</summary>
    public const string UserCreate = "user-create";

    /// <summary>A user account was changed.</summary>
    public const string UserUpdate = "user-update";

    /// <summary>A user account was removed.</summary>
    public const string UserDelete = "user-delete";

    /// <summary>A webhook was delivered to a listener.</summary>
    public const string WebhookDelivery = "webhook-delivery";

    /// <summary>Any vendor action the vocabulary does not name.</summary>
    public const string Other = "other";

    /// <summary>
    /// Gets every action of the vocabulary, with the category it belongs to.
    /// </summary>
    public static IReadOnlyDictionary<string, AuditCategory> All { get; } = new Dictionary<string, AuditCategory>(StringComparer.Ordinal)
    {
        [Login] = AuditCategory.Authentication,
        [Logout] = AuditCategory.Authentication,
        [SessionStart] = AuditCategory.Authentication,
        [SessionEnd] = AuditCategory.Authentication,
        [Upload] = AuditCategory.File,
        [Download] = AuditCategory.File,
        [Delete] = AuditCategory.File,
        [CreateFolder] = AuditCategory.File,
        [Create] = AuditCategory.File,
        [Update] = AuditCategory.File,
        [Archive] = AuditCategory.File,
        [Rename] = AuditCategory.File,
        [Move] = AuditCategory.File,
        [Copy] = AuditCategory.File,
        [Compress] = AuditCategory.File,
        [Extract] = AuditCategory.File,
        [ShareCreate] = AuditCategory.Sharing,
        [ShareUpdate] = AuditCategory.Sharing,
        [ShareDelete] = AuditCategory.Sharing,
        [SendCreate] = AuditCategory.Sharing,
        [SendUpdate] = AuditCategory.Sharing,
        [SendDelete] = AuditCategory.Sharing,
        [ReceiveCreate] = AuditCategory.Sharing,
        [ReceiveUpdate] = AuditCategory.Sharing,
        [ReceiveDelete] = AuditCategory.Sharing,
        [DirectLinkCreate] = AuditCategory.Sharing,
        [DirectLinkUpdate] = AuditCategory.Sharing,
        [DirectLinkDelete] = AuditCategory.Sharing,
        [NotificationCreate] = AuditCategory.Notification,
        [NotificationUpdate] = AuditCategory.Notification,
        [NotificationDelete] = AuditCategory.Notification,
        [UserCreate] = AuditCategory.Account,
        [UserUpdate] = AuditCategory.Account,
        [UserDelete] = AuditCategory.Account,
        [WebhookDelivery] = AuditCategory.Webhook,
        [Other] = AuditCategory.Other,
    };

    /// <summary>
    /// Determines whether <paramref name="action"/> belongs to the vocabulary.
    /// </summary>
    /// <param name="action">The action to look up.</param>
    /// <returns><see langword="true"/> when the action is one of the constants of this class.</returns>
    public static bool IsKnown(string? action) => action is not null && All.ContainsKey(action);
}
