using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>
/// Builds session-activity entry <c>i</c> from the seed alone. Bursts are failed logins (<c>PASS</c>, status
/// <c>failed</c>) for one username from the attacker's address.
/// </summary>
internal sealed class SessionGenerator
{
    public const ulong Salt = 0xE5E5;
    private const long FirstId = 48_213_000;
    private static readonly string[] Protocols = ["web", "web", "sftp", "ftp"];

    private readonly long _seed;
    private readonly UserDirectory _users;
    private readonly Timeline _timeline;

    public SessionGenerator(long seed, Timeline timeline, UserDirectory users)
    {
        _seed = seed;
        _users = users;
        _timeline = timeline;
    }

    public SessionEntry Entry(long index)
    {
        var h = Mix.Hash(_seed, Salt, index);
        var id = FirstId + (index * 7) + (long)(Mix.Hash(_seed, Salt ^ 0x1D, index) % 7);
        var time = _timeline.TimeAt(index);
        if (_timeline.BurstAt(index) is { } burst)
        {
            var real = burst.Hash % 2 == 0;
            return new SessionEntry
            {
                Index = index,
                Id = id,
                Created = time,
                SessionId = Mix.Hex(Mix.Hash(_seed, Salt ^ 0x5E, index), 45),
                IpAddress = Location.Attacker.Ip,
                Username = real ? _users.ExaVaultBurstTarget : SimulatedUsers.UnknownLogins[Mix.Below(burst.Hash >> 24, SimulatedUsers.UnknownLogins.Count)],
                Operation = "PASS",
                Protocol = burst.Hash % 3 == 0 ? "ftp" : "sftp",
                Status = "failed",
                Duration = 0,
            };
        }

        var users = _users.ExaVault;
        var user = users[Mix.Below(Mix.Next(h), users.Count)];
        var userIndex = _users.IndexOf(user);
        var operation = PickOperation(index, h);
        var folder = Paths.Folder(h >> 4);
        var file = Paths.File(h >> 12, time);
        var path = folder + "/" + file;
        var transfer = operation is "STOR" or "RETR";
        var bytes = transfer ? 1024 + (long)(Mix.Next(h ^ 0xB) % 50_000_000) : 0;
        var missing = h % 23 == 0;
        var status = operation == "PASS" && h % 20 == 0 ? "failed"
            : transfer && h % 50 == 1 ? "aborted"
            : "-";
        var (fileName, fileSource) = operation switch
        {
            "STOR" or "RETR" or "DELE" => (path, string.Empty),
            "MKD" => (folder + "/new-folder-" + (h % 97), string.Empty),
            "RNTO" => (folder + "/renamed-" + file, path),
            "MOVE" or "COPY" => (Paths.Folder(h >> 28) + "/" + file, path),
            "COMPR" => (folder + "/archive-" + (h % 97) + ".zip", path),
            "EXTRACT" => (folder + "/extracted-" + (h % 97), folder + "/archive-" + (h % 97) + ".zip"),
            "PASS" or "EXIT" or "USER" or "EDIT_USER" or "DELE_USER" => (string.Empty, string.Empty),
            _ when Operations.Unknown.Contains(operation) => (string.Empty, string.Empty),
            _ => (folder, string.Empty),
        };
        return new SessionEntry
        {
            Index = index,
            Id = id,
            Created = time,
            SessionId = Mix.Hex(Mix.Hash(_seed, Salt ^ 0x5E, (userIndex * 1_000_003L) + (index / 25)), 45),
            IpAddress = Location.For(userIndex, Mix.Next(h ^ 0x10C)).Ip,
            Username = user.ExaVaultUsername!,
            Operation = operation,
            Protocol = missing ? null : Protocols[Mix.Below(h >> 40, Protocols.Length)],
            Status = status,
            FileName = fileName,
            FileSource = fileSource,
            BytesTransferred = status == "aborted" ? bytes / 3 : bytes,
            Duration = missing ? null : transfer ? (int)(bytes / 2_000_000) + 1 : operation == "EXIT" ? (int)(h % 7200) : 0,
        };
    }

    private static string PickOperation(long index, ulong h)
    {
        // Cycle through every documented code and the unknown ones, so each appears even in a small data set.
        if (index % 37 == 5)
        {
            var slot = (int)(index / 37 % (Operations.Known.Count + Operations.Unknown.Count));
            return slot < Operations.Known.Count ? Operations.Known[slot] : Operations.Unknown[slot - Operations.Known.Count];
        }

        return Operations.Weighted[Mix.Below(h >> 32, Operations.Weighted.Count)];
    }
}
