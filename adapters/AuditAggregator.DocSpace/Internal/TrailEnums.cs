using System.Globalization;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The names of the audit-trail enums (<c>ActionType</c>, <c>ProductType</c>, <c>LocationType</c>,
/// <c>EntryType</c>) as the server defines them, so that a number and a name read the same.
/// </summary>
internal static class TrailEnums
{
    public static readonly string[] ActionTypes =
    [
        "None", "Create", "Update", "Delete", "Link", "Unlink", "Attach", "Detach", "Send", "Import", "Export",
        "UpdateAccess", "Download", "Upload", "Copy", "Move", "Reassigns", "Follow", "Unfollow", "Logout",
    ];

    public static readonly Dictionary<int, string> Products = new()
    {
        [0] = "None", [2] = "Documents", [3] = "Login", [7] = "Settings", [8] = "Contacts",
    };

    public static readonly Dictionary<int, string> Locations = new()
    {
        [0] = "None", [1] = "Files", [2] = "Folders", [3] = "DocumentsSettings", [27] = "Rooms", [29] = "Settings", [30] = "Contacts", [31] = "Agents",
    };

    public static readonly Dictionary<int, string> Entries = new()
    {
        [0] = "None", [1] = "File", [2] = "Folder", [23] = "User", [24] = "Group", [25] = "Room", [26] = "Tag", [27] = "Agent",
    };

    private static readonly Dictionary<int, string> ActionTypeNames =
        ActionTypes.Select((name, index) => (name, index)).ToDictionary(p => p.index, p => p.name);

    public static string ActionType(long value) => Name(ActionTypeNames, value);

    public static string Product(long value) => Name(Products, value);

    public static string Location(long value) => Name(Locations, value);

    public static string Entry(long value) => Name(Entries, value);

    private static string Name(Dictionary<int, string> names, long value) =>
        value is >= int.MinValue and <= int.MaxValue && names.TryGetValue((int)value, out var name)
            ? name
            : value.ToString(CultureInfo.InvariantCulture);
}
