namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// The MessageAction codes of the simulated audit trail with what the server's mappers derive for each: the module
/// (<c>location</c>), the kind of change (<c>actionType</c>) and the entry types, plus the English sentence the
/// portal writes in <c>action</c> (see docs/vendors-docspace-audit-trail.md).
/// </summary>
internal static class AuditActions
{
    public const int Documents = 2;

    public const int FileUploaded = 5011;
    public const int FileDownloaded = 5009;
    public const int TrashEmptied = 5061;

    private static readonly Dictionary<int, AuditAction> Table = Build();

    /// <summary>Gets the codes in the DocSpace audit-trail table of audit-event.md, each of which the data set cycles through.</summary>
    public static IReadOnlyList<int> Known { get; } =
    [
        5000, 5001, 5002, 5008, 5009, 5010, 5011, 5012, 5013, 5015, 5017, 5018, 5035, 5099, 5019, 5024, 5026, 5027,
        5057, 5070, 5072, 5074, 5075, 5091, 5092, 5093, 5088, 5089, 5090, 5097, 5122, 5123, 5124, 5086, 5061,
    ];

    /// <summary>Gets mapped codes outside that table (an adapter keeps them as "other").</summary>
    public static IReadOnlyList<int> Other { get; } = [5055, 5078];

    public static AuditAction Get(int code) => Table[code];

    /// <summary>Parses an <c>action</c> value as ASP.NET Core binds an enum: a number or a name, any case.</summary>
    public static bool TryParse(string value, out int code)
    {
        foreach (var action in Table.Values)
        {
            if (string.Equals(action.Name, value, StringComparison.OrdinalIgnoreCase))
            {
                code = action.Code;
                return true;
            }
        }

        return MessageActions.TryParse(value, out code);
    }

    private static Dictionary<int, AuditAction> Build()
    {
        const int files = AuditEnums.Files, folders = AuditEnums.Folders, rooms = AuditEnums.Rooms;
        const int create = 1, update = 2, delete = 3, import = 9, access = 11, download = 12, upload = 13, copy = 14, move = 15;
        int[] file = [AuditEnums.File], folder = [AuditEnums.Folder], room = [AuditEnums.Room];
        int[] fileToFolder = [AuditEnums.File, AuditEnums.Folder], folderToFolder = [AuditEnums.Folder, AuditEnums.Folder];
        AuditAction[] actions =
        [
            new(5000, "FileCreated", files, create, file, "File Created: {0}"),
            new(5001, "FileRenamed", files, update, file, "File Renamed: {0}"),
            new(5002, "FileUpdated", files, update, file, "File Updated: {0}"),
            new(5008, "FileUpdatedAccess", files, access, file, "Files [{0}]. Access Updated"),
            new(5009, "FileDownloaded", files, download, file, "File Downloaded: {0}"),
            new(5010, "FileDownloadedAs", files, download, file, "Files [{0}]. Downloaded As: {1}"),
            new(5011, "FileUploaded", files, upload, file, "File Uploaded: {0}"),
            new(5012, "FileImported", files, import, file, "Folders [{1}]. File Imported: {0}. Provider: {2}"),
            new(5013, "FileCopied", files, copy, fileToFolder, "Files [{0}]. Copied From Folder \"{1}\" To Folder: \"{2}\""),
            new(5015, "FileMoved", files, move, fileToFolder, "Files [{0}]. Moved From Folder \"{1}\" To Folder: \"{2}\""),
            new(5017, "FileMovedToTrash", files, move, file, "Files [{0}]. Moved To Trash Folder"),
            new(5018, "FileDeleted", files, delete, file, "File Deleted: {0}"),
            new(5035, "FileConverted", files, create, file, "File Converted to Internal Format: {0}"),
            new(5055, "FileMarkedAsFavorite", files, update, file, "File Marked As Favorite: {0}"),
            new(5061, "TrashEmptied", files, delete, file, "Trash emptied"),
            new(5091, "FileExternalLinkCreated", files, create, file, "Files [{0}]. External link created: {1}. Role: {2}"),
            new(5092, "FileExternalLinkUpdated", files, update, file, "Files [{0}]. External link updated: {1}. Role: {2}"),
            new(5093, "FileExternalLinkDeleted", files, delete, file, "Files [{0}]. External link deleted: {1}"),
            new(5099, "FileUploadedWithOverwriting", files, upload, file, "File uploaded with overwriting: {0}"),
            new(5019, "FolderCreated", folders, create, folder, "Folder Created: {0}"),
            new(5024, "FolderMoved", folders, move, folderToFolder, "Folders [{0}]. Moved To Folder: {2}"),
            new(5026, "FolderMovedToTrash", folders, move, folder, "Folders [{0}]. Moved To Trash Folder"),
            new(5027, "FolderDeleted", folders, delete, folder, "Folder Deleted: {0}"),
            new(5057, "FolderDownloaded", folders, download, folder, "Folder Downloaded: {0}"),
            new(5122, "FolderExternalLinkCreated", folders, create, folder, "Folders [{0}]. External link created: {1}. Role: {2}"),
            new(5123, "FolderExternalLinkUpdated", folders, update, folder, "Folders [{0}]. External link updated: {1}. Role: {2}"),
            new(5124, "FolderExternalLinkDeleted", folders, delete, folder, "Folders [{0}]. External link deleted: {1}"),
            new(5070, "RoomCreated", rooms, create, room, "Room created"),
            new(5072, "RoomArchived", rooms, update, room, "Room archived"),
            new(5074, "RoomDeleted", rooms, delete, room, "Room deleted"),
            new(5075, "RoomUpdateAccessForUser", rooms, update, room, "{1} appointed: {2}"),
            new(5078, "AddedRoomTags", rooms, update, room, "Added tags: [{1}]"),
            new(5086, "RoomInvitationLinkCreated", rooms, update, room, "Link created. Role: {2}"),
            new(5088, "RoomExternalLinkCreated", rooms, update, room, "External link created: {1}. Role: {2}"),
            new(5089, "RoomExternalLinkUpdated", rooms, update, room, "External link updated: {1}. Role: {2}"),
            new(5090, "RoomExternalLinkDeleted", rooms, update, room, "External link deleted: {1}"),
            new(5097, "RoomExternalLinkRevoked", rooms, update, room, "External link revoked: {1}"),
        ];
        return actions.ToDictionary(a => a.Code);
    }
}
