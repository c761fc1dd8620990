using System.Text.Json.Serialization;
using NodaTime;

namespace AuditAggregator;

/// <summary>
/// One audit event from any source, in the unified form that every adapter produces.
/// </summary>
/// <remarks>
/// The JSON form (see <see cref="AuditEventJson"/>) uses the camelCase field names of the design document
/// <c>audit-event.md</c>. <see cref="Id"/> is derived from <see cref="Source"/>, <see cref="Stream"/> and
/// <see cref="SourceId"/>, so it is stable across runs and is the key for removing duplicates.
/// </remarks>
public sealed record AuditEvent
{
    /// <summary>
    /// Gets the globally unique, stable id: <c>{source}:{stream}:{sourceId}</c>, for example <c>docspace:login:48213</c>.
    /// </summary>
    [JsonPropertyOrder(-10)]
    public string Id => CreateId(Source, Stream, SourceId);

    /// <summary>
    /// Gets the configured name of the account the event came from, for example <c>acme-docspace</c>; a setup with
    /// one account per vendor names each after its vendor (<c>docspace</c>, <c>exavault</c>).
    /// </summary>
    public required string Source { get; init; }

    /// <summary>
    /// Gets the product the event came from, for example <c>docspace</c> or <c>exavault</c>.
    /// </summary>
    public required string Vendor { get; init; }

    /// <summary>
    /// Gets the stream of the source the event came from, for example <c>login</c>, <c>session</c> or <c>webhook</c>.
    /// </summary>
    public required string Stream { get; init; }

    /// <summary>
    /// Gets the vendor's own id of the record, as a string.
    /// </summary>
    public required string SourceId { get; init; }

    /// <summary>
    /// Gets the instant the event happened.
    /// </summary>
    public required Instant Time { get; init; }

    /// <summary>
    /// Gets the offset from UTC the vendor reported the time in, or <see langword="null"/> when it gave none.
    /// </summary>
    public Offset? Offset { get; init; }

    /// <summary>
    /// Gets the broad kind of the event.
    /// </summary>
    public required AuditCategory Category { get; init; }

    /// <summary>
    /// Gets the normalized verb, one of <see cref="AuditActions"/>.
    /// </summary>
    public required string Action { get; init; }

    /// <summary>
    /// Gets whether the action succeeded.
    /// </summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>
    /// Gets who performed the action.
    /// </summary>
    public AuditActor Actor { get; init; } = AuditActor.Unknown;

    /// <summary>
    /// Gets the client address as the vendor gave it, or <see langword="null"/>.
    /// </summary>
    public string? Ip { get; init; }

    /// <summary>
    /// Gets the client's browser and platform, or <see langword="null"/>.
    /// </summary>
    public string? UserAgent { get; init; }

    /// <summary>
    /// Gets the client's location (<c>city, country</c>), or <see langword="null"/>.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>
    /// Gets the file or folder path the action touched, or <see langword="null"/>; for a rename or move, the new path.
    /// </summary>
    public string? Resource { get; init; }

    /// <summary>
    /// Gets the vendor's raw action code, for example <c>1000</c>, <c>PASS</c> or <c>resources.upload</c>.
    /// </summary>
    public required string VendorAction { get; init; }

    /// <summary>
    /// Gets a readable vendor name for <see cref="VendorAction"/>, for example <c>LoginSuccess</c>, or <see langword="null"/>.
    /// </summary>
    public string? VendorActionName { get; init; }

    /// <summary>
    /// Gets every other vendor field worth keeping.
    /// </summary>
    public AuditDetails Details { get; init; } = AuditDetails.Empty;

    /// <summary>
    /// Gets the vendor's raw record as JSON text, when the adapter was asked to keep it; never serialized.
    /// </summary>
    [JsonIgnore]
    public string? RawRecord { get; init; }

    /// <summary>
    /// Builds the id of an event from its parts.
    /// </summary>
    /// <param name="source">The source name.</param>
    /// <param name="stream">The stream name.</param>
    /// <param name="sourceId">The vendor's id.</param>
    /// <returns><c>{source}:{stream}:{sourceId}</c>.</returns>
    public static string CreateId(string source, string stream, string sourceId) =>
        string.Concat(source, ":", stream, ":", sourceId);
}
