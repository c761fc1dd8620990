using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Where a DocSpace file lives: the ExaVault folders of the same world become rooms with a folder inside
/// (<c>/Finance/Reports</c> is the room "Finance", folder "Reports"), or the person's "My documents".
/// </summary>
internal sealed record AuditPlace(string? Room, int RoomId, string Folder, int FolderId)
{
    public const string MyDocuments = "My documents";

    private static readonly AuditPlace[] InRooms = BuildRooms();

    /// <summary>Gets the place of the ExaVault folder <paramref name="hash"/> picks, the same way <see cref="Paths.Folder"/> picks it.</summary>
    public static AuditPlace For(ulong hash) => InRooms[Mix.Below(hash, InRooms.Length)];

    /// <summary>Gets a person's "My documents" root.</summary>
    public static AuditPlace Personal { get; } = new(null, 0, MyDocuments, 1100);

    /// <summary>Gets what the server writes in <c>context</c> for an event here.</summary>
    public string Context => Room is null ? MyDocuments : "Rooms: " + Room;

    /// <summary>Gets the page the portal records for an action taken here.</summary>
    public string Page => Room is null
        ? "https://portal.example.com/rooms/personal/filter?folder=" + FolderId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "https://portal.example.com/rooms/shared/" + RoomId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/filter?folder=" + FolderId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AuditPlace[] BuildRooms()
    {
        var rooms = new List<string>();
        var places = new List<AuditPlace>();
        for (var i = 0; i < Paths.Folders.Count; i++)
        {
            var parts = Paths.Folders[i].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (!rooms.Contains(parts[0]))
            {
                rooms.Add(parts[0]);
            }

            places.Add(new AuditPlace(parts[0], 1200 + rooms.IndexOf(parts[0]) + 1, parts[1], 1300 + i + 1));
        }

        return places.ToArray();
    }
}
