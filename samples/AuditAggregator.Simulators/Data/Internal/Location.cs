namespace AuditAggregator.Simulators.Data.Internal;

/// <summary>A client address and where it geolocates (empty strings when it cannot be located).</summary>
internal sealed record Location(string Ip, string Country, string City)
{
    public static IReadOnlyList<Location> All { get; } =
    [
        new("203.0.113.24", "Latvia", "Riga"),
        new("198.51.100.7", "United States", "New York"),
        new("192.0.2.44", "Germany", "Berlin"),
        new("2001:db8:85a3::8a2e:370:7334", "Japan", "Tokyo"),
        new("10.0.0.15", string.Empty, string.Empty),
        new("185.220.101.4", "Netherlands", "Amsterdam"),
    ];

    /// <summary>Gets the address that failed-login bursts come from.</summary>
    public static Location Attacker => All[5];

    /// <summary>Gets a person's usual address; the IPv6 one belongs to Judy and Carol.</summary>
    public static Location HomeOf(int userIndex) => All[userIndex switch
    {
        2 or 9 => 3,
        4 or 8 => 4,
        _ => userIndex % 3,
    }];

    /// <summary>Gets a usual-or-travelling address for one event.</summary>
    public static Location For(int userIndex, ulong hash) =>
        hash % 10 < 8 ? HomeOf(userIndex) : All[(int)(hash / 10 % 5)];
}
