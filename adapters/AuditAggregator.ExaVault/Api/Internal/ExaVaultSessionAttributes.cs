using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The attributes of a session activity entry. Every one may be missing.
/// </summary>
internal sealed class ExaVaultSessionAttributes
{
    /// <summary>Gets when it happened, ISO 8601 with <c>Z</c> or an offset.</summary>
    public string? Created { get; init; }

    /// <summary>Gets the session's id.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the client address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the user name.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the operation code, for example <c>PASS</c> or <c>STOR</c>; an open set.</summary>
    public string? Operation { get; init; }

    /// <summary>Gets the protocol, for example <c>web</c>, <c>ftp</c> or <c>sftp</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>Gets the status: <c>-</c> for ordinary entries, <c>failed</c> for a failed login.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the file or folder path.</summary>
    public string? FileName { get; init; }

    /// <summary>Gets the file source the vendor reports.</summary>
    public string? FileSource { get; init; }

    /// <summary>Gets the number of bytes transferred.</summary>
    public long? BytesTransferred { get; init; }

    /// <summary>Gets the duration, probably in seconds.</summary>
    public long? Duration { get; init; }

    /// <summary>Gets or sets the attributes the contract does not declare, kept as sent (settable for the serializer).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
