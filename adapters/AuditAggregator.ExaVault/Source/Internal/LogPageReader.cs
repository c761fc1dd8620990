using System.Runtime.ExceptionServices;
using AuditAggregator.Paging;
using AuditAggregator.Parsing;
using Refit;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// The <see cref="PageFetcher"/> of one read of one log: each page is one attempt of the source's retry layer (the
/// allowance guard, the request through <see cref="IExaVaultActivityApi"/>, the status check and the parse of the
/// response stream together, so that a body cut off halfway is retried like a dropped connection), whatever
/// implements the interface.
/// </summary>
internal sealed class LogPageReader
{
    private readonly ExaVaultAccount _account;
    private readonly IExaVaultActivityApi _api;
    private readonly ExaVaultPageParser _parser;
    private readonly Lock _parseGate = new();
    private readonly string _route;
    private readonly Func<IExaVaultActivityApi, PageRequest, CancellationToken, Task<HttpResponseMessage>> _send;

    public LogPageReader(
        ExaVaultAccount account,
        IExaVaultActivityApi api,
        ExaVaultPageParser parser,
        string route,
        Func<IExaVaultActivityApi, PageRequest, CancellationToken, Task<HttpResponseMessage>> send)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(send);
        _account = account;
        _api = api;
        _parser = parser;
        _route = route;
        _send = send;
    }

    public async ValueTask<IReadOnlyList<AuditEvent>> FetchAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ExaVaultParsedPage parsed;
        try
        {
            parsed = await _account.Resilience.ExecuteAsync(ct => AttemptAsync(page, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (AllowanceStopException stop)
        {
            throw stop.Error;
        }

        // Outside the retried attempt: an entry that cannot be mapped is not retried.
        return parsed.GetEvents();
    }

    private async ValueTask<ExaVaultParsedPage> AttemptAsync(PageRequest page, CancellationToken cancellationToken)
    {
        await _account.BeforeRequestAsync(cancellationToken).ConfigureAwait(false);
        _account.Logger.LogRequest(_account.Name, _route, page.Offset);
        using var response = await SendAsync(page, cancellationToken).ConfigureAwait(false);
        _account.Guard.Observe(response.Headers, _account.TimeProvider.GetUtcNow());
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorResponses.CreateAsync(response, _account, cancellationToken).ConfigureAwait(false);
        }

        var status = (int)response.StatusCode;
        PooledBody body;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                body = await PooledBody.ReadAsync(stream, response.Content.Headers.ContentLength, PooledBody.DefaultMaxLength, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw ErrorResponses.Malformed(_account.Name, ex.Message, status, ex);
            }
        }

        using (body)
        {
            // The parser is not thread-safe, and a read may have several pages in flight.
            lock (_parseGate)
            {
                return _parser.Parse(body.Span, status);
            }
        }
    }

    /// <summary>
    /// Sends the request. Refit wraps what <see cref="HttpClient"/> throws before a response (a network failure, a
    /// cancellation or an attempt's timeout) in an <see cref="ApiRequestException"/>; the original is thrown instead, so
    /// that the retry layer tells them apart as for any other implementation of the interface.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(PageRequest page, CancellationToken cancellationToken)
    {
        try
        {
            return await _send(_api, page, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiRequestException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }
}
