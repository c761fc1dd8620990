using System.Runtime.ExceptionServices;
using System.Text.Json;
using Refit;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Sends one call of <see cref="IDocSpaceLoginHistoryApi"/> and reads its answer, turning every failure into an
/// <see cref="AuditSourceException"/> that names the source: the connection, the status, an HTML page where JSON
/// was due, a body that is not the documented JSON, and a body cut off halfway.
/// </summary>
/// <remarks>The only place that does so: the source's pages and the report helper both come through here.</remarks>
internal static class DocSpaceCall
{
    public static Task<T> ReadAsync<T>(
        string source,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        TimeProvider timeProvider,
        CancellationToken cancellationToken) =>
        ReadAsync(source, DocSpaceFeature.LoginHistory, send, read, timeProvider, cancellationToken);

    public static async Task<T> ReadAsync<T>(
        string source,
        DocSpaceFeature feature,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiRequestException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Keeps the original stack when the cause is rethrown as it was.
            ExceptionDispatchInfo.Throw(Transport(source, ex, cancellationToken));
            throw;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await DocSpaceErrors.FromResponseAsync(source, feature, response, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var status = (int)response.StatusCode;
            if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                throw new AuditSourceException(source, AuditErrorKind.Configuration, "The address answered with an HTML page instead of the API's JSON; check that BaseUrl is the DocSpace portal.", status);
            }

            try
            {
                return await read(response, cancellationToken).ConfigureAwait(false);
            }
            catch (AuditSourceException ex) when (CredentialEcho.Redact(response.RequestMessage, ex.VendorMessage) is var message && message != ex.VendorMessage)
            {
                // An error inside a success envelope, whose message quotes the credential.
                throw new AuditSourceException(ex.SourceName, ex.Kind, ex.Description, ex.StatusCode, ex.VendorErrorCode, message, ex.InnerException, ex.RetryAfter);
            }
            catch (JsonException ex)
            {
                throw DocSpaceErrors.Malformed(source, status, "it is not complete JSON of the documented shape", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw DocSpaceErrors.Network(source, $"The connection broke while the body was read: {ex.Message}", ex);
            }
        }
    }

    /// <summary>
    /// The failure of a request that got no response. Refit wraps it in an <see cref="ApiRequestException"/>, which
    /// holds the live request, credential header included; only the transport's own exception is kept.
    /// </summary>
    private static Exception Transport(string source, Exception failure, CancellationToken cancellationToken)
    {
        var cause = failure is ApiRequestException { InnerException: { } inner } ? inner : failure;
        return cause switch
        {
            // The credential handler's own error (a failing token provider) already names the source.
            AuditException audit => audit,
            HttpRequestException http => DocSpaceErrors.Network(source, $"The connection to the portal failed: {http.Message}", http),
            OperationCanceledException canceled when cancellationToken.IsCancellationRequested => canceled,
            OperationCanceledException timeout => DocSpaceErrors.Network(source, "The request timed out (HttpClient.Timeout).", timeout),
            ApiRequestException => DocSpaceErrors.Network(source, "The request could not be sent.", new HttpRequestException(cause.Message)),
            _ => cause,
        };
    }
}
