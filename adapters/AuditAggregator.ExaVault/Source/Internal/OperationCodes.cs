namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// ExaVault's session operation codes, with the normalized action and the name the web file manager shows.
/// </summary>
internal static class OperationCodes
{
    /// <summary>The login code, whose <c>status</c> decides the outcome.</summary>
    public const string Login = "PASS";

    private static readonly Dictionary<string, (string Action, string Name)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        [Login] = (AuditActions.Login, "Connect"),
        ["EXIT"] = (AuditActions.Logout, "Disconnect"),
        ["STOR"] = (AuditActions.Upload, "Upload"),
        ["RETR"] = (AuditActions.Download, "Download"),
        ["DELE"] = (AuditActions.Delete, "Delete"),
        ["MKD"] = (AuditActions.CreateFolder, "Create Folder"),
        ["RNTO"] = (AuditActions.Rename, "Rename"),
        ["MOVE"] = (AuditActions.Move, "Move"),
        ["COPY"] = (AuditActions.Copy, "Copy"),
        ["COMPR"] = (AuditActions.Compress, "Compress"),
        ["EXTRACT"] = (AuditActions.Extract, "Extract"),
        ["SHARE"] = (AuditActions.ShareCreate, "Shared Folders"),
        ["EDIT_SHARE"] = (AuditActions.ShareUpdate, "Update Share"),
        ["DELE_SHARE"] = (AuditActions.ShareDelete, "Delete Share"),
        ["SEND"] = (AuditActions.SendCreate, "Send Files"),
        ["EDIT_SEND"] = (AuditActions.SendUpdate, "Update Send"),
        ["DELE_SEND"] = (AuditActions.SendDelete, "Delete Send"),
        ["RECV"] = (AuditActions.ReceiveCreate, "Receive Files"),
        ["EDIT_RECV"] = (AuditActions.ReceiveUpdate, "Update Receive"),
        ["DELE_RECV"] = (AuditActions.ReceiveDelete, "Delete Receive"),
        ["NOTIFY"] = (AuditActions.NotificationCreate, "Create Notification"),
        ["EDIT_NTFY"] = (AuditActions.NotificationUpdate, "Update Notification"),
        ["DELE_NTFY"] = (AuditActions.NotificationDelete, "Delete Notification"),
        ["USER"] = (AuditActions.UserCreate, "Create User"),
        ["EDIT_USER"] = (AuditActions.UserUpdate, "Update User"),
        ["DELE_USER"] = (AuditActions.UserDelete, "Delete User"),
        ["DFA"] = (AuditActions.DirectLinkCreate, "Create Direct Link"),
        ["EDIT_DFA"] = (AuditActions.DirectLinkUpdate, "Update Direct Link"),
        ["DELE_DFA"] = (AuditActions.DirectLinkDelete, "Deactivate Direct Link"),
    };

    /// <summary>Gets every known code.</summary>
    public static IEnumerable<string> Codes => Table.Keys;

    /// <summary>Looks up a code; an unknown or missing one is <see cref="AuditActions.Other"/> with no name.</summary>
    public static (string Action, string? Name) Lookup(string? code) =>
        code is not null && Table.TryGetValue(code, out var entry) ? entry : (AuditActions.Other, null);

    /// <summary>Finds the one code of an action, for the server's <c>type</c> filter.</summary>
    public static string? CodeOf(string action)
    {
        foreach (var (code, entry) in Table)
        {
            if (string.Equals(entry.Action, action, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return null;
    }
}
