using System.Text.Json;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.ExaVault.Internal;

namespace AuditAggregator.Benchmarks.Pages;

/// <summary>
/// The adapters' own parse-and-map path for one page, reached through InternalsVisibleTo: the body read as a stream
/// by the source-generated context, then each item mapped, exactly as the clients and sources do after the HTTP call
/// (DocSpace: <c>DocSpaceLoginHistoryClient.ReadEventsAsync</c> + <c>PageReader.FetchAsync</c>; ExaVault:
/// <c>ExaVaultClient.AttemptAsync</c> + <c>ExaVaultAuditSource.MapAsync</c>).
/// </summary>
internal static class AdapterPath
{
    public static async ValueTask<IReadOnlyList<AuditEvent>> DocSpaceAsync(byte[] body)
    {
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            var envelope = await JsonSerializer.DeserializeAsync(stream, DocSpaceJsonContext.Default.LoginEventEnvelope).ConfigureAwait(false);
            var page = envelope?.Response ?? throw new InvalidOperationException("The DocSpace page has no 'response'.");
            var events = new AuditEvent[page.Count];
            for (var i = 0; i < page.Count; i++)
            {
                events[i] = LoginEventMapper.Map(page[i], includeRawRecord: false);
            }

            return events;
        }
    }

    public static async ValueTask<IReadOnlyList<AuditEvent>> SessionsAsync(byte[] body)
    {
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            var result = await JsonSerializer.DeserializeAsync(stream, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The session page is null.");
            return result.Data is { } data ? [.. data.Select(e => SessionMapper.Map(e, false))] : [];
        }
    }

    public static async ValueTask<IReadOnlyList<AuditEvent>> WebhooksAsync(byte[] body)
    {
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            var result = await JsonSerializer.DeserializeAsync(stream, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The webhook page is null.");
            return result.Data is { } data ? [.. data.Select(e => WebhookMapper.Map(e, false))] : [];
        }
    }
}
