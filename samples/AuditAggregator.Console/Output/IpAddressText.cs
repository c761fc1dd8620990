using System.Net;
using System.Net.Sockets;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Decides whether an event's address text is a whole IP address, fit for an <c>ip</c> field (ECS
/// <c>source.ip</c>, OCSF <c>src_endpoint.ip</c>). <see cref="IPAddress.TryParse(string, out IPAddress)"/> is too
/// lenient for that: it reads <c>2001</c> (a DocSpace IPv6 address cut at its first colon) as 0.0.7.209, and
/// <c>10.1</c> as 10.0.0.1.
/// </summary>
internal static class IpAddressText
{
    /// <summary>Whether <paramref name="text"/> is a dotted quad (four numbers 0 to 255) or a full IPv6 address.</summary>
    public static bool IsComplete(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(':', StringComparison.Ordinal) ? IsIPv6(text) : IsDottedQuad(text);
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            // Decimal only, no sign and no leading zero (010 would be octal to some readers).
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0') || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIPv6(string text) =>
        text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;
}
