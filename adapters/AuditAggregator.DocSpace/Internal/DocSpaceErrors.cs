using System.Net;
using AuditAggregator.Resilience;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Turns a failed response into an <see cref="AuditSourceException"/> that says what the status means for DocSpace.
/// </summary>
/// <remarks>
/// Only the vendor's <c>error.message</c> (or a problem-details title and field errors, or an HTML page's title) is
/// kept, cut short by the exception, with the request's credential cut out of it should the portal quote it; never
/// the body, the stack, the request's headers or its credential.
/// </remarks>
internal static class DocSpaceErrors
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static Task<AuditSourceException> FromResponseAsync(string source, HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        FromResponseAsync(source, DocSpaceFeature.LoginHistory, response, timeProvider, cancellationToken);

    public static async Task<AuditSourceException> FromResponseAsync(string source, DocSpaceFeature feature, HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ReadCappedAsync(response, cancellationToken).ConfigureAwait(false);
        var vendorMessage = CredentialEcho.Redact(response.RequestMessage, VendorMessage.Extract(body, out var parsedEnvelope));
        var retryAfter = HttpRetryAfter.Get(response.Headers, timeProvider.GetUtcNow());
        var (kind, description) = feature == DocSpaceFeature.AuditTrail
            ? DescribeAuditTrail(response.StatusCode, body.Length == 0, parsedEnvelope)
            : Describe(response.StatusCode, body.Length == 0, parsedEnvelope);
        return new AuditSourceException(source, kind, description, status, vendorMessage: vendorMessage, retryAfter: retryAfter);
    }

    public static AuditSourceException Malformed(string source, int status, string what, Exception? inner = null) =>
        new(source, AuditErrorKind.MalformedResponse, $"The response body is not the expected JSON ({what}).", status, innerException: inner);

    public static AuditSourceException EnvelopeError(string source, int status, ErrorEnvelopeInfo info) =>
        new(source, AuditErrorKind.BadRequest, "The portal answered with an error status inside a success envelope (status: 1).", info.StatusCode ?? status, vendorMessage: info.Message);

    public static AuditSourceException Network(string source, string description, Exception inner) =>
        new(source, AuditErrorKind.Network, description, innerException: inner);

    private static (AuditErrorKind Kind, string Description) Describe(HttpStatusCode status, bool emptyBody, bool parsedEnvelope) => (int)status switch
    {
        400 => (AuditErrorKind.BadRequest, "The portal rejected the request's parameters."),
        401 => (AuditErrorKind.Authentication, "The portal did not accept the credential: it is missing, wrong, expired or revoked."),
        402 when emptyBody => (AuditErrorKind.Plan, "The portal is unpaid or its subscription has lapsed (HTTP 402 with no body); this is not retried."),
        402 => (AuditErrorKind.Plan, "The portal's pricing plan does not include the login history (audit) feature, or the section is disabled; this is not retried."),
        403 => (AuditErrorKind.Authorization, "The account is not a DocSpace administrator with the portal-settings right, which the login history needs."),
        404 => (AuditErrorKind.NotFound, "The login-history route was not found; check that the base URL is the DocSpace portal's address."),
        408 => (AuditErrorKind.Network, "The portal timed out waiting for the request."),
        429 => (AuditErrorKind.RateLimited, "The portal throttled the request (rate limit)."),
        >= 500 when !parsedEnvelope && !emptyBody => (AuditErrorKind.Server, "The portal or a proxy in front of it failed, answering with a body that is not DocSpace JSON."),
        >= 500 => (AuditErrorKind.Server, "The portal failed."),
        _ => (AuditErrorKind.Unknown, "The portal answered with an unexpected status."),
    };

    private static (AuditErrorKind Kind, string Description) DescribeAuditTrail(HttpStatusCode status, bool emptyBody, bool parsedEnvelope) => (int)status switch
    {
        402 when !emptyBody => (AuditErrorKind.Plan, "The portal's pricing plan does not include the audit trail, or the section is hidden; this is not retried."),
        403 => (AuditErrorKind.Authorization, "The account is not a DocSpace administrator with the portal-settings right, which the audit trail needs."),
        404 => (AuditErrorKind.NotFound, "The audit-trail route was not found; check that the base URL is the DocSpace portal's address."),
        _ => Describe(status, emptyBody, parsedEnvelope),
    };

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorBodyBytes];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return buffer.AsSpan(0, total).ToArray();
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status alone still says what went wrong; a broken error body is not worth a second failure.
            return [];
        }
    }
}
