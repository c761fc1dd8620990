using System.Globalization;
using System.Text;

namespace AuditAggregator;

/// <summary>
/// A source could not be read. Carries the source's name, the HTTP status and the vendor's error code and message.
/// </summary>
public sealed class AuditSourceException : AuditException
{
    /// <summary>
    /// The longest vendor message kept; longer ones are cut.
    /// </summary>
    public const int MaxVendorMessageLength = 256;

    /// <summary>
    /// Initializes a new instance of the <see cref="AuditSourceException"/> class.
    /// </summary>
    /// <param name="sourceName">The source that failed, for example <c>docspace</c>.</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="description">What happened and what it means, in a sentence; safe to log.</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="vendorErrorCode">The vendor's error code, for example <c>ERROR_INVALID_CREDENTIALS</c>.</param>
    /// <param name="vendorMessage">The vendor's error message; cut to <see cref="MaxVendorMessageLength"/> characters.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="retryAfter">How long the vendor asked to wait before trying again, when it said.</param>
    public AuditSourceException(
        string sourceName,
        AuditErrorKind kind,
        string description,
        int? statusCode = null,
        string? vendorErrorCode = null,
        string? vendorMessage = null,
        Exception? innerException = null,
        TimeSpan? retryAfter = null)
        : base(BuildMessage(sourceName, description, statusCode, vendorErrorCode, Truncate(vendorMessage)), innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        SourceName = sourceName;
        Kind = kind;
        Description = description;
        StatusCode = statusCode;
        VendorErrorCode = vendorErrorCode;
        VendorMessage = Truncate(vendorMessage);
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// Gets how long the vendor asked to wait before trying again (HTTP <c>Retry-After</c>), or <see langword="null"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Gets the name of the source that failed.
    /// </summary>
    public string SourceName { get; }

    /// <summary>
    /// Gets what went wrong.
    /// </summary>
    public AuditErrorKind Kind { get; }

    /// <summary>
    /// Gets the sentence that describes the failure, without the source name and status.
    /// </summary>
    public string Description { get; }

    /// <summary>
    /// Gets the HTTP status of the response, or <see langword="null"/> when there was none.
    /// </summary>
    public int? StatusCode { get; }

    /// <summary>
    /// Gets the vendor's error code, or <see langword="null"/>.
    /// </summary>
    public string? VendorErrorCode { get; }

    /// <summary>
    /// Gets the vendor's error message, cut to <see cref="MaxVendorMessageLength"/> characters, or <see langword="null"/>.
    /// </summary>
    public string? VendorMessage { get; }

    /// <summary>
    /// Gets a value indicating whether trying again later may succeed (throttling, server and network faults).
    /// </summary>
    /// <remarks>A malformed body counts: a truncated response is usually a dropped connection.</remarks>
    public bool IsTransient => Kind is AuditErrorKind.RateLimited or AuditErrorKind.Server or AuditErrorKind.Network or AuditErrorKind.MalformedResponse;

    private static string? Truncate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return text.Length <= MaxVendorMessageLength ? text : string.Concat(text.AsSpan(0, MaxVendorMessageLength), "…");
    }

    private static string BuildMessage(string sourceName, string description, int? statusCode, string? code, string? vendorMessage)
    {
        var builder = new StringBuilder();
        builder.Append(sourceName).Append(": ");
        if (statusCode is { } status)
        {
            builder.Append(CultureInfo.InvariantCulture, $"HTTP {status}: ");
        }

        builder.Append(description);
        if (code is not null || vendorMessage is not null)
        {
            builder.Append(" (vendor said: ");
            builder.Append(code);
            if (code is not null && vendorMessage is not null)
            {
                builder.Append(' ');
            }

            builder.Append(vendorMessage).Append(')');
        }

        return builder.ToString();
    }
}
