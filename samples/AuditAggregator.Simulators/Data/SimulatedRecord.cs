namespace AuditAggregator.Simulators;

/// <summary>
/// The key fields of one simulated vendor event, as the simulator serves it: what a test expects an adapter to read.
/// </summary>
public sealed record SimulatedRecord
{
    /// <summary>Gets the source name: <c>docspace</c> or <c>exavault</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the stream name: <c>login</c>, <c>session</c> or <c>webhook</c>.</summary>
    public required string Stream { get; init; }

    /// <summary>Gets the position in the stream, 0 = oldest.</summary>
    public required long Index { get; init; }

    /// <summary>Gets the vendor id (grows with <see cref="Index"/>).</summary>
    public required long Id { get; init; }

    /// <summary>Gets the instant of the event, in UTC, whole seconds.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the vendor's raw action: a MessageAction number (<c>1000</c>), an operation (<c>PASS</c>) or a webhook event.</summary>
    public required string Action { get; init; }

    /// <summary>Gets the DocSpace login typed or the ExaVault username, when the vendor sends one.</summary>
    public string? Login { get; init; }

    /// <summary>Gets the DocSpace user id (the empty GUID for an unknown account); <see langword="null"/> for ExaVault.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets the client address exactly as served (DocSpace cuts IPv6 addresses at the first colon).</summary>
    public string? Ip { get; init; }

    /// <summary>Gets the ExaVault session status (<c>-</c>, <c>failed</c>) or the webhook listener's HTTP status.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the file or folder path (ExaVault <c>fileName</c> or <c>resourcePath</c>), when there is one.</summary>
    public string? Resource { get; init; }

    /// <summary>Gets the id an adapter should give the unified event: <c>{source}:{stream}:{id}</c>.</summary>
    public string AuditId => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Source}:{Stream}:{Id}");
}
