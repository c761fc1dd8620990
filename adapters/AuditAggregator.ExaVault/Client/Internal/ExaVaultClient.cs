using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuditAggregator.Resilience;

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
        return GetAsync(query.ToRelativeUri(), ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes, cancellationToken);
    }

    public Task<ExaVaultLogPage<ExaVaultWebhookAttributes>> GetWebhookLogsAsync(ExaVaultWebhookLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return GetAsync(query.ToRelativeUri(), ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes, cancellationToken);
    }

    private async Task<T> GetAsync<T>(string route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(_account.BaseUri, route);
        try
        {
            return await _account.Pipeline.ExecuteAsync(
                ExaVaultSourceNames.Source,
                ct => AttemptAsync(uri, route, typeInfo, ct),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AllowanceStopException stop)
        {
            throw stop.Error;
        }
    }

    private async ValueTask<T> AttemptAsync<T>(Uri uri, string route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
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
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw Malformed("The response body is null instead of a log page.", (int)response.StatusCode, null);
            }
            catch (JsonException ex)
            {
                throw Malformed($"The response body is not the documented JSON (at {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine}).", (int)response.StatusCode, ex);
            }
        }
    }

    private static AuditSourceException Malformed(string description, int status, Exception? cause) =>
        new(ExaVaultSourceNames.Source, AuditErrorKind.MalformedResponse, description, status, innerException: cause);
}
