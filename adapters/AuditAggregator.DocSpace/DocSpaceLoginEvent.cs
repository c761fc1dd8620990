using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.DocSpace;

/// <summary>
/// One entry of the portal's login history, as the server sends it (<c>LoginEventDto</c>).
/// </summary>
/// <remarks>
/// The server omits null properties, so any of them may be missing. <see cref="Date"/> is kept as the server's
/// text (the portal's wall time and offset, seven fractional digits); <see cref="Ip"/> is kept as given, which cuts
/// an IPv6 address at its first colon.
/// </remarks>
public sealed record DocSpaceLoginEvent
{
    /// <summary>Gets the event's id; ids grow with time.</summary>
    public long Id { get; init; }

    /// <summary>Gets the time in the portal's time zone, for example <c>2025-06-02T12:15:42.0000000+03:00</c>.</summary>
    public string? Date { get; init; }

    /// <summary>Gets the display name of the account.</summary>
    public string? User { get; init; }

    /// <summary>Gets the account's id; the empty GUID when the attempt could not be tied to an account.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets the login name or e-mail address that was typed.</summary>
    public string? Login { get; init; }

    /// <summary>Gets the event as a localized sentence, for display only.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the <c>MessageAction</c> code (see <see cref="DocSpaceLoginAction"/>); unknown codes are kept.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? ActionId { get; init; }

    /// <summary>Gets the client address, with the port (and for IPv6 everything after the first colon) cut off.</summary>
    public string? Ip { get; init; }

    /// <summary>Gets the country the address is located in.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the city the address is located in.</summary>
    public string? City { get; init; }

    /// <summary>Gets the browser and its version.</summary>
    public string? Browser { get; init; }

    /// <summary>Gets the operating system.</summary>
    public string? Platform { get; init; }

    /// <summary>Gets the page the attempt was made from.</summary>
    public string? Page { get; init; }

    /// <summary>Gets or sets the properties this type does not know, kept so that nothing the server sent is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
