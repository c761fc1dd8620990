using System.Globalization;
using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Builds audit-trail entry <c>i</c> from the seed alone, on its own derived random stream so the login history stays
/// as it was. The people are the simulated world's; they upload, download, move, trash, delete and share the same
/// kinds of files in the same kinds of folders as in ExaVault (its folders are DocSpace rooms here). Bursts are one
/// person uploading or downloading a batch of files from one folder.
/// </summary>
internal sealed class AuditGenerator
{
    public const ulong Salt = 0xA0D1;
    private const int FirstId = 310_000;

    private static readonly string[] Roles = ["Viewer", "Editor", "Room manager", "Commenter"];
    private static readonly string[] Providers = ["Google Drive", "Dropbox", "OneDrive"];
    private static readonly int[] Weighted = BuildWeights();

    private readonly long _seed;
    private readonly UserDirectory _users;
    private readonly Timeline _timeline;

    public AuditGenerator(long seed, Timeline timeline, UserDirectory users)
    {
        _seed = seed;
        _users = users;
        _timeline = timeline;
    }

    public AuditEntry Entry(long index)
    {
        var h = Mix.Hash(_seed, Salt, index);
        var cycled = Cycled(index);
        var burst = cycled is null ? _timeline.BurstAt(index) : null;
        var code = AuditActions.Get(cycled ?? (burst is { } b ? (b.Hash % 2 == 0 ? AuditActions.FileUploaded : AuditActions.FileDownloaded)
            : Weighted[Mix.Below(h >> 32, Weighted.Length)]));
        var user = PickUser(code, burst?.Hash ?? Mix.Next(h));
        var userIndex = _users.IndexOf(user);
        var place = burst is { } inBurst ? AuditPlace.For(inBurst.Hash >> 8)
            : !code.IsRoom && h % 100 < 15 ? AuditPlace.Personal : AuditPlace.For(h >> 4);
        if (code.IsRoom && place.Room is null)
        {
            place = AuditPlace.For(h >> 4);
        }

        var time = _timeline.TimeAt(index);
        var (title, target, second, third) = Subject(code, place, h, time);
        var location = Location.For(userIndex, Mix.Next(h ^ 0x10C));
        var api = code.Code is AuditActions.FileUploaded or AuditActions.FileDownloaded && h % 10 == 0;
        var agent = LoginGenerator.Agents[Mix.Below(h >> 20, LoginGenerator.Agents.Length)];
        return new AuditEntry
        {
            Index = index,
            Id = checked(FirstId + (int)(index * 2) + (int)(Mix.Hash(_seed, Salt ^ 0x1D, index) % 2)),
            Time = time,
            User = user.DisplayName,
            UserId = user.DocSpaceUserId!.Value,
            Action = string.Format(CultureInfo.InvariantCulture, code.Text, title, second, third),
            Code = code,
            Ip = CutAtColon(location.Ip),
            Country = location.Country,
            City = h % 11 == 0 ? null : location.City,
            Browser = api ? null : agent.Browser,
            Platform = api ? null : agent.Platform,
            Page = api ? null : place.Page,
            Target = target,
            Context = code.Code == AuditActions.TrashEmptied ? "Files" : place.Context,
            Title = code.Code == AuditActions.TrashEmptied ? null : title,
        };
    }

    /// <summary>The server keeps the part of the address before the first ':' (meant to strip a port).</summary>
    private static string CutAtColon(string ip)
    {
        var colon = ip.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ip : ip[..colon];
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The title acted on, the target ids as the files code records them, and the sentence's other values.</summary>
    private (string Title, IReadOnlyList<string>? Target, string? Second, string? Third) Subject(AuditAction code, AuditPlace place, ulong h, DateTimeOffset time)
    {
        var file = Paths.File(h >> 12, time);
        var fileId = 40_000 + (int)(Mix.Next(h ^ 0xF11E) % 60_000);
        var destination = AuditPlace.For(h >> 28);
        var link = h % 3 == 0 ? "Shared link" : "Link for partners";
        var role = Roles[Mix.Below(h >> 36, Roles.Length)];
        if (code.IsRoom)
        {
            var other = _users.DocSpace[Mix.Below(h >> 44, _users.DocSpace.Count)].DisplayName;
            var second = code.Code switch
            {
                5075 => other,
                5078 => "contracts, " + time.ToString("yyyy", CultureInfo.InvariantCulture),
                _ => link,
            };
            return (place.Room!, [Id(place.RoomId)], second, role);
        }

        if (code.IsFolder)
        {
            var folder = code.Code == 5019 ? "new-folder-" + Id((int)(h % 97)) : place.Folder;
            var folderId = code.Code == 5019 ? 1400 + (int)(h % 97) : place.FolderId;
            IReadOnlyList<string> folderTarget = code.Code == 5024 ? [Id(folderId), Id(destination.FolderId)] : [Id(folderId)];
            return (folder, folderTarget, link, code.Code == 5024 ? destination.Folder : role);
        }

        return code.Code switch
        {
            AuditActions.TrashEmptied => (string.Empty, null, null, null),
            5001 => ("renamed-" + file, [Id(fileId)], null, null),
            5010 => (file, [Id(fileId)], ".pdf", null),
            5012 => (file, [Id(fileId)], place.Folder, Providers[Mix.Below(h >> 40, Providers.Length)]),
            5013 or 5015 => (file, [Id(fileId), Id(destination.FolderId)], place.Folder, destination.Folder),
            5091 or 5092 or 5093 => (file, [Id(fileId)], link, role),
            _ => (file, [Id(fileId)], null, null),
        };
    }

    private SimulatedUser PickUser(AuditAction code, ulong hash)
    {
        // Rooms are mostly set up and shared by the portal administrator; files are everybody's work.
        var users = _users.DocSpace;
        return code.IsRoom && hash % 5 < 3 ? _users.Administrator : users[Mix.Below(hash, users.Count)];
    }

    private static int[] BuildWeights()
    {
        var weights = new List<int>();
        void Add(int code, int weight) => weights.AddRange(Enumerable.Repeat(code, weight));
        Add(5011, 24);
        Add(5009, 26);
        Add(5000, 5);
        Add(5002, 8);
        Add(5001, 3);
        Add(5015, 3);
        Add(5013, 2);
        Add(5017, 4);
        Add(5018, 3);
        Add(5010, 2);
        Add(5099, 2);
        Add(5019, 3);
        Add(5057, 1);
        Add(5008, 2);
        Add(5091, 2);
        Add(5075, 1);
        return weights.ToArray();
    }

    /// <summary>
    /// Every so often the code cycles deterministically through the table and the other codes (bursts included), so
    /// that each appears even in a small data set.
    /// </summary>
    private static int? Cycled(long index)
    {
        if (index % 31 != 4)
        {
            return null;
        }

        var slot = (int)(index / 31 % (AuditActions.Known.Count + AuditActions.Other.Count));
        return slot < AuditActions.Known.Count ? AuditActions.Known[slot] : AuditActions.Other[slot - AuditActions.Known.Count];
    }
}
