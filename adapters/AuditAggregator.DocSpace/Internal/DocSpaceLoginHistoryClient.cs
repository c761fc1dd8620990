using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;
using Microsoft.Extensions.Options;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The <see cref="HttpClient"/> implementation of <see cref="IDocSpaceLoginHistoryClient"/>: one request per call,
/// the credential put on each request, responses read as streams with source-generated JSON.
/// </summary>
internal sealed partial class DocSpaceLoginHistoryClient : IDocSpaceLoginHistoryClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly DocSpaceCredential _credential;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pollInterval;

    public DocSpaceLoginHistoryClient(HttpClient httpClient, IOptions<DocSpaceOptions> options, TimeProvider timeProvider)
        : this(httpClient, options?.Value!, timeProvider)
    {
    }

    internal DocSpaceLoginHistoryClient(HttpClient httpClient, DocSpaceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        DocSpaceOptionsValidator.ThrowIfInvalid(options);
        _http = httpClient;
        _baseUrl = options.BaseUrl!;
        _credential = CredentialResolver.Resolve(options);
        _timeProvider = timeProvider;
        _pollInterval = options.ReportPollInterval;
    }

    public Task<IReadOnlyList<DocSpaceLoginEvent>> GetLastAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Last), ReadEventsAsync, cancellationToken);

    public Task<IReadOnlyList<DocSpaceLoginEvent>> GetFilteredAsync(DocSpaceLoginFilter filter, CancellationToken cancellationToken = default)
    {
        var query = FilterQuery.Build(filter);
        return SendAsync(HttpMethod.Get, DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Filter, query), ReadEventsAsync, cancellationToken);
    }

    /// <summary>
    /// The source's path: the same request as <see cref="GetFilteredAsync"/>, its body read into a pooled buffer and
    /// parsed by <paramref name="parser"/> straight into events.
    /// </summary>
    internal Task<List<AuditEvent>> GetFilteredEventsAsync(DocSpaceLoginFilter filter, LoginPageParser parser, CancellationToken cancellationToken)
    {
        var query = FilterQuery.Build(filter);
        var capacity = filter.Count ?? 0;
        return SendAsync(
            HttpMethod.Get,
            DocSpaceRoutes.Build(_baseUrl, DocSpaceRoutes.Filter, query),
            (response, token) => ReadPageAsync(response, parser, capacity, token),
            cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, Uri uri, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(Json);
        await _credential.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Network($"The connection to the portal failed: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Network("The request timed out (HttpClient.Timeout).", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await DocSpaceErrors.FromResponseAsync(response, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var status = (int)response.StatusCode;
            if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                throw new AuditSourceException(DocSpaceSourceNames.Source, AuditErrorKind.Configuration, "The address answered with an HTML page instead of the API's JSON; check that BaseUrl is the DocSpace portal.", status);
            }

            try
            {
                return await read(response, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw DocSpaceErrors.Malformed(status, "it is not complete JSON of the documented shape", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw Network($"The connection broke while the body was read: {ex.Message}", ex);
            }
        }
    }

    private static async Task<IReadOnlyList<DocSpaceLoginEvent>> ReadEventsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var envelope = await JsonSerializer.DeserializeAsync(stream, DocSpaceJsonContext.Default.LoginEventEnvelope, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (envelope is null)
            {
                throw DocSpaceErrors.Malformed(status, "the body is null");
            }

            if (envelope.Status == 1)
            {
                throw DocSpaceErrors.EnvelopeError(status, new ErrorEnvelopeInfo(envelope.StatusCode, envelope.Error?.Message));
            }

            return envelope.Response ?? throw DocSpaceErrors.Malformed(status, "it has no 'response' array");
        }
    }

    private static async Task<List<AuditEvent>> ReadPageAsync(HttpResponseMessage response, LoginPageParser parser, int capacity, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            PooledBody body;
            try
            {
                body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw DocSpaceErrors.Malformed(status, ex.Message.TrimEnd('.'), ex);
            }

            using (body)
            {
                try
                {
                    return parser.Parse(body.Span, status, capacity);
                }
                catch (DecoderFallbackException ex)
                {
                    throw DocSpaceErrors.Malformed(status, "a string is not valid UTF-8", ex);
                }
            }
        }
    }

    private static AuditSourceException Network(string description, Exception inner) =>
        new(DocSpaceSourceNames.Source, AuditErrorKind.Network, description, innerException: inner);
}
