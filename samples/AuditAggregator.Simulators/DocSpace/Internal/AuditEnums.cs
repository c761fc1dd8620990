namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>The numbers and names of the audit enums (ActionType, LocationType, EntryType, ProductType) as the server defines them.</summary>
internal static class AuditEnums
{
    public const int Files = 1;
    public const int Folders = 2;
    public const int Rooms = 27;

    public const int File = 1;
    public const int Folder = 2;
    public const int Room = 25;

    public static IReadOnlyDictionary<int, string> ActionTypes { get; } = Names(
        "None", "Create", "Update", "Delete", "Link", "Unlink", "Attach", "Detach", "Send", "Import", "Export",
        "UpdateAccess", "Download", "Upload", "Copy", "Move", "Reassigns", "Follow", "Unfollow", "Logout");

    public static IReadOnlyDictionary<int, string> Locations { get; } = new Dictionary<int, string>
    {
        [0] = "None", [1] = "Files", [2] = "Folders", [3] = "DocumentsSettings", [27] = "Rooms", [29] = "Settings", [30] = "Contacts", [31] = "Agents",
    };

    public static IReadOnlyDictionary<int, string> Entries { get; } = new Dictionary<int, string>
    {
        [0] = "None", [1] = "File", [2] = "Folder", [23] = "User", [24] = "Group", [25] = "Room", [26] = "Tag", [27] = "Agent",
    };

    public static IReadOnlyDictionary<int, string> Products { get; } = new Dictionary<int, string>
    {
        [2] = "Documents", [3] = "Login", [7] = "Settings", [8] = "Contacts",
    };

    /// <summary>Parses an enum query value as ASP.NET Core binds one: a defined name in any case, or any integer.</summary>
    public static bool TryParse(IReadOnlyDictionary<int, string> names, string text, out int value)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        foreach (var (number, name) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = number;
                return true;
            }
        }

        return false;
    }

    private static Dictionary<int, string> Names(params string[] names) =>
        names.Select((name, index) => (name, index)).ToDictionary(p => p.index, p => p.name);
}
