namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Maps an audit-trail <c>MessageAction</c> code, sent as a number or as its name, to the normalized action
/// (audit-event.md, "The DocSpace audit trail"). A code not listed is <see cref="AuditActions.Other"/>, never an error.
/// </summary>
internal static class TrailActionTable
{
    public const string Trash = "trash";
    public const string Room = "room";
    public const string Overwrite = "overwrite";

    private static readonly TrailAction[] Actions =
    [
        File(5000, "FileCreated", AuditActions.Create),
        File(5001, "FileRenamed", AuditActions.Rename),
        File(5002, "FileUpdated", AuditActions.Update),
        Sharing(5008, "FileUpdatedAccess", AuditActions.ShareUpdate),
        File(5009, "FileDownloaded", AuditActions.Download),
        File(5010, "FileDownloadedAs", AuditActions.Download),
        File(5011, "FileUploaded", AuditActions.Upload),
        File(5012, "FileImported", AuditActions.Upload),
        File(5013, "FileCopied", AuditActions.Copy),
        File(5015, "FileMoved", AuditActions.Move),
        File(5017, "FileMovedToTrash", AuditActions.Delete, Trash),
        File(5018, "FileDeleted", AuditActions.Delete),
        File(5019, "FolderCreated", AuditActions.CreateFolder),
        File(5024, "FolderMoved", AuditActions.Move),
        File(5026, "FolderMovedToTrash", AuditActions.Delete, Trash),
        File(5027, "FolderDeleted", AuditActions.Delete),
        File(5035, "FileConverted", AuditActions.Update),
        File(5057, "FolderDownloaded", AuditActions.Download),
        File(5061, "TrashEmptied", AuditActions.Delete, Trash),
        File(5070, "RoomCreated", AuditActions.CreateFolder, Room),
        File(5072, "RoomArchived", AuditActions.Archive),
        File(5074, "RoomDeleted", AuditActions.Delete),
        Sharing(5075, "RoomUpdateAccessForUser", AuditActions.ShareUpdate),
        Sharing(5086, "RoomInvitationLinkCreated", AuditActions.ShareCreate),
        Sharing(5088, "RoomExternalLinkCreated", AuditActions.DirectLinkCreate),
        Sharing(5089, "RoomExternalLinkUpdated", AuditActions.DirectLinkUpdate),
        Sharing(5090, "RoomExternalLinkDeleted", AuditActions.DirectLinkDelete),
        Sharing(5091, "FileExternalLinkCreated", AuditActions.DirectLinkCreate),
        Sharing(5092, "FileExternalLinkUpdated", AuditActions.DirectLinkUpdate),
        Sharing(5093, "FileExternalLinkDeleted", AuditActions.DirectLinkDelete),
        Sharing(5097, "RoomExternalLinkRevoked", AuditActions.DirectLinkDelete),
        File(5099, "FileUploadedWithOverwriting", AuditActions.Upload, Overwrite),
        Sharing(5122, "FolderExternalLinkCreated", AuditActions.DirectLinkCreate),
        Sharing(5123, "FolderExternalLinkUpdated", AuditActions.DirectLinkUpdate),
        Sharing(5124, "FolderExternalLinkDeleted", AuditActions.DirectLinkDelete),
    ];

    private static readonly Dictionary<int, TrailAction> ByCode = Actions.ToDictionary(a => a.Code);

    private static readonly Dictionary<string, int> CodesByName = BuildNames();

    /// <summary>Gets every code the table maps, in code order.</summary>
    public static IEnumerable<TrailAction> All => Actions;

    /// <summary>
    /// Gets the entry of a code the table maps, or <see langword="null"/>.
    /// </summary>
    public static TrailAction? Find(int code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// Gets the code of an <c>actionId</c> sent as a name (ignoring case), for the audit-trail and login codes, or
    /// <see langword="null"/> when the name is not known.
    /// </summary>
    public static int? CodeOf(string name) => CodesByName.TryGetValue(name, out var code) ? code : null;

    private static TrailAction File(int code, string name, string action, string? flag = null) => new(code, name, action, AuditCategory.File, flag);

    private static TrailAction Sharing(int code, string name, string action) => new(code, name, action, AuditCategory.Sharing);

    private static Dictionary<string, int> BuildNames()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in Enum.GetValues<DocSpaceLoginAction>())
        {
            names[action.ToString()] = (int)action;
        }

        foreach (var action in Actions)
        {
            names[action.Name] = action.Code;
        }

        return names;
    }
}
