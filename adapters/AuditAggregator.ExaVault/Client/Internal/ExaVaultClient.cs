using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// <see cref="IExaVaultClient"/> on <see cref="HttpClient"/>: each call is one retried unit of request, status check
/// and body parse, so that a cut-off body is retried like a dropped connection.
/// </summary>
internal sealed class ExaVaultClient : IExaVaultClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly ExaVaultAccount _account;

    public ExaVaultClient(HttpClient http, ExaVaultAccount account)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(account);
        _http = http;
        _account = account;
    }

    public ExaVaultRateLimitState? RateLimit => _account.Guard.Current;

    public Task<ExaVaultLogPage<ExaVaultSessionAttributes>> GetSessionLogsAsync(ExaVaultSessionLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var typeInfo = ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes;
        return GetAsync(query.ToRelativeUri(), (response, stream, ct) => DeserializeAsync(response, stream, typeInfo, ct), cancellationToken);
    }

    public Task<ExaVaultLogPage<ExaVaultWebhookAttributes>> GetWebhookLogsAsync(ExaVaultWebhookLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var typeInfo = ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes;
        return GetAsync(query.ToRelativeUri(), (response, stream, ct) => DeserializeAsync(response, stream, typeInfo, ct), cancellationToken);
    }

    /// <summary>
    /// Gets one page of the session activity log as events: the same request, checks and retries as
    /// <see cref="GetSessionLogsAsync"/>, with the body read into a pooled buffer and parsed by <paramref name="parser"/>.
    /// </summary>
    internal Task<AuditEvent[]> GetSessionEventsAsync(ExaVaultSessionLogQuery query, SessionPageParser parser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return GetEventsAsync(query.ToRelativeUri(), parser, cancellationToken);
    }

    /// <summary>
    /// Gets one page of the webhook log as events, like <see cref="GetSessionEventsAsync"/>.
    /// </summary>
    internal Task<AuditEvent[]> GetWebhookEventsAsync(ExaVaultWebhookLogQuery query, WebhookPageParser parser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return GetEventsAsync(query.ToRelativeUri(), parser, cancellationToken);
    }

    /// <summary>Deserializes a page, turning JSON errors into the client's malformed-response error.</summary>
    internal static T Deserialize<T>(Stream stream, JsonTypeInfo<T> typeInfo, int status)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(stream, typeInfo) ?? throw NullBody(status);
        }
        catch (JsonException ex)
        {
            throw MalformedJson(ex, status);
        }
    }

    private async Task<AuditEvent[]> GetEventsAsync(string route, ExaVaultPageParser parser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var page = await GetAsync(route, (response, stream, ct) => ParseAsync(response, stream, parser, ct), cancellationToken).ConfigureAwait(false);

        // Outside the retried attempt, as the mappers ran before: an entry that cannot be mapped is not retried.
        return page.GetEvents();
    }

    private async Task<T> GetAsync<T>(string route, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> readBody, CancellationToken cancellationToken)
    {
        var uri = new Uri(_account.BaseUri, route);
        try
        {
            return await _account.Resilience.ExecuteAsync(
                ct => AttemptAsync(uri, route, readBody, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AllowanceStopException stop)
        {
            throw stop.Error;
        }
    }

    private async ValueTask<T> AttemptAsync<T>(Uri uri, string route, Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<T>> readBody, CancellationToken cancellationToken)
    {
        await _account.BeforeRequestAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("ev-api-key", _account.Options.ApiKey);
        request.Headers.TryAddWithoutValidation("ev-access-token", _account.Options.AccessToken);
        request.Headers.Accept.Add(Json);
        _account.Logger.LogRequest(route);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        _account.Guard.Observe(response.Headers, _account.TimeProvider.GetUtcNow());
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorResponses.CreateAsync(response, _account, cancellationToken).ConfigureAwait(false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await readBody(response, stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask<T> DeserializeAsync<T>(HttpResponseMessage response, Stream stream, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false) ?? throw NullBody(status);
        }
        catch (JsonException ex)
        {
            throw MalformedJson(ex, status);
        }
    }

    /// <summary>Reads the whole body into a pooled buffer and parses it synchronously, inside the attempt.</summary>
    private static async ValueTask<ExaVaultParsedPage> ParseAsync(HttpResponseMessage response, Stream stream, ExaVaultPageParser parser, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        PooledBody body;
        try
        {
            body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, PooledBody.DefaultMaxLength, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw Malformed(ex.Message, status, ex);
        }

        using (body)
        {
            return parser.Parse(body.Span, status);
        }
    }

    private static AuditSourceException NullBody(int status) => Malformed("The response body is null instead of a log page.", status, null);

    private static AuditSourceException MalformedJson(JsonException ex, int status) =>
        Malformed($"The response body is not the documented JSON (at {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine}).", status, ex);

    private static AuditSourceException Malformed(string description, int status, Exception? cause) =>
        new(ExaVaultSourceNames.Source, AuditErrorKind.MalformedResponse, description, status, innerException: cause);
}
