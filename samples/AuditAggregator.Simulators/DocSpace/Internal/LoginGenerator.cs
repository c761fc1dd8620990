using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.DocSpace.Internal;

/// <summary>
/// Builds login-history entry <c>i</c> from the seed alone: who, what, from where. Bursts of failed logins for one
/// account come from the attacker's address and end in a brute-force lock-out.
/// </summary>
internal sealed class LoginGenerator
{
    public const ulong Salt = 0xD0C5;
    private const int FirstId = 48000;

    internal static readonly (string Browser, string Platform)[] Agents =
    [
        ("Chrome 125.0", "Windows 10"), ("Firefox 126.0", "Linux"), ("Safari 17.4", "Mac OS X"),
        ("Edge 124.0", "Windows 11"), ("Chrome Mobile 124.0", "Android"),
    ];

    private static readonly int[] Weighted = BuildWeights();

    private readonly long _seed;
    private readonly UserDirectory _users;
    private readonly Timeline _timeline;
    private readonly bool _outsideContract;

    public LoginGenerator(long seed, Timeline timeline, bool outsideContract, UserDirectory users)
    {
        _seed = seed;
        _users = users;
        _timeline = timeline;
        _outsideContract = outsideContract;
    }

    public static int IdAt(long index, long seed) =>
        checked(FirstId + (int)(index * 3) + (int)(Mix.Hash(seed, Salt ^ 0x1D, index) % 3));

    public LoginEntry Entry(long index)
    {
        var h = Mix.Hash(_seed, Salt, index);
        var time = _timeline.TimeAt(index);
        var id = IdAt(index, _seed);
        if (_timeline.BurstAt(index) is { } burst)
        {
            return BurstEntry(index, id, time, burst);
        }

        var code = PickCode(index, h);
        var users = _users.DocSpace;
        var userIndex = Mix.Below(Mix.Next(h), users.Count);
        var user = users[userIndex];
        var location = Location.For(_users.IndexOf(user), Mix.Next(h ^ 0x10C));
        var agent = Agents[Mix.Below(h >> 20, Agents.Length)];
        var api = MessageActions.IsApi(code);
        var unknownAccount = MessageActions.IsFailure(code) && h % 10 < 3;
        var login = unknownAccount ? SimulatedUsers.UnknownLogins[Mix.Below(h >> 12, SimulatedUsers.UnknownLogins.Count)] : user.Email;
        return new LoginEntry
        {
            Index = index,
            Id = id,
            Time = time,
            User = !unknownAccount ? user.DisplayName : h % 5 == 0 ? null : login,
            UserId = unknownAccount ? Guid.Empty : user.DocSpaceUserId!.Value,
            Login = login,
            Action = MessageActions.Text(code),
            ActionId = code,
            Ip = Truncate(location.Ip),
            Country = location.Country,
            City = h % 11 == 0 ? null : location.City,
            Browser = api ? null : agent.Browser,
            Platform = api ? null : agent.Platform,
            Page = api ? null : "https://portal.example.com/login",
        };
    }

    /// <summary>The server keeps the part of the address before the first ':' (meant to strip a port).</summary>
    private static string Truncate(string ip)
    {
        var colon = ip.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ip : ip[..colon];
    }

    private static int[] BuildWeights()
    {
        var weights = new List<int>();
        void Add(int code, int weight) => weights.AddRange(Enumerable.Repeat(code, weight));
        Add(1000, 30);
        Add(1029, 6);
        Add(1010, 8);
        Add(1028, 3);
        Add(1015, 3);
        Add(1021, 3);
        Add(1006, 12);
        Add(1016, 6);
        Add(1017, 6);
        Add(1002, 6);
        Add(1005, 2);
        Add(1013, 2);
        return weights.ToArray();
    }

    private int PickCode(long index, ulong h)
    {
        // Every so often cycle deterministically through the whole login table and the unknown codes, so that each
        // code appears even in a small data set.
        if (index % 41 == 7)
        {
            var cycle = MessageActions.Known.Count + MessageActions.Unknown.Count + (_outsideContract ? 1 : 0);
            var slot = (int)(index / 41 % cycle);
            return slot < MessageActions.Known.Count ? MessageActions.Known[slot]
                : slot - MessageActions.Known.Count < MessageActions.Unknown.Count ? MessageActions.Unknown[slot - MessageActions.Known.Count]
                : MessageActions.OutsideContract;
        }

        return Weighted[Mix.Below(h >> 32, Weighted.Length)];
    }

    private LoginEntry BurstEntry(long index, int id, DateTimeOffset time, Burst burst)
    {
        // A burst targets a real account (bob) or an unknown login, from the attacker's address.
        var targetsRealAccount = burst.Hash % 2 == 0;
        var bob = _users.BurstTarget;
        var login = targetsRealAccount ? bob.Email : SimulatedUsers.UnknownLogins[Mix.Below(burst.Hash >> 24, SimulatedUsers.UnknownLogins.Count)];
        var code = burst.IsLast ? MessageActions.LoginFailBruteForce
            : Mix.Hash(_seed, Salt ^ 0xF, index) % 4 == 0 ? MessageActions.LoginFail : MessageActions.LoginFailInvalidCombination;
        var attacker = Location.Attacker;
        return new LoginEntry
        {
            Index = index,
            Id = id,
            Time = time,
            User = targetsRealAccount ? bob.DisplayName : login,
            UserId = targetsRealAccount ? bob.DocSpaceUserId!.Value : Guid.Empty,
            Login = login,
            Action = MessageActions.Text(code),
            ActionId = code,
            Ip = attacker.Ip,
            Country = attacker.Country,
            City = attacker.City,
            Browser = "Python Requests 2.31",
            Platform = "Other",
            Page = "https://portal.example.com/login",
        };
    }
}
