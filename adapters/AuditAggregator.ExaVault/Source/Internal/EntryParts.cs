using System.Globalization;
using NodaTime;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The parts every ExaVault entry must have (an id and a time) and the ones both logs share.
/// </summary>
internal static class EntryParts
{
    public static string Id(long? id, string stream) => id is { } value
        ? value.ToString(CultureInfo.InvariantCulture)
        : throw Malformed($"An entry of the {stream} log has no id, so it cannot be told apart from others.");

    public static (Instant Time, Offset? Offset) Time(string? created, string id, string stream) =>
        VendorTime.TryParse(created, out var time, out var offset)
            ? (time, offset)
            : throw Malformed($"Entry {id} of the {stream} log has no readable 'created' time ('{Cut(created)}').");

    public static AuditActor Actor(string? username) =>
        string.IsNullOrEmpty(username) ? AuditActor.Unknown : new AuditActor(null, username, username);

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Cut(string? text) => text is null ? "missing" : text.Length <= 40 ? text : text[..40] + "…";

    private static AuditSourceException Malformed(string description) =>
        new(ExaVaultSourceNames.Source, AuditErrorKind.MalformedResponse, description);
}
