using AuditAggregator.DocSpace.Internal;
using AuditAggregator.ExaVault;
using AuditAggregator.ExaVault.Internal;
using AuditAggregator.Parsing;

namespace AuditAggregator.Benchmarks.Pages;

/// <summary>
/// The adapters' own parse-and-map path for one page, reached through InternalsVisibleTo: the body read from a stream
/// into a pooled buffer (<see cref="PooledBody"/>), then one <see cref="System.Text.Json.Utf8JsonReader"/> pass straight
/// into events, exactly as the sources do after the HTTP call (DocSpace: <c>DocSpacePageBody.ReadLoginAsync</c>; ExaVault:
/// <c>LogPageReader</c>, for either log).
/// </summary>
internal static class AdapterPath
{
    public static ValueTask<IReadOnlyList<AuditEvent>> DocSpaceAsync(byte[] body) => DocSpaceAsync(body, new LoginPageParser());

    public static async ValueTask<IReadOnlyList<AuditEvent>> DocSpaceAsync(byte[] body, LoginPageParser parser)
    {
        // As DocSpacePageBody.ReadLoginAsync: the body into a pooled buffer, then one parser pass;
        // a read keeps one parser (and its caches) for all its pages.
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            using var pooled = await PooledBody.ReadAsync(stream, body.Length).ConfigureAwait(false);
            return parser.Parse(pooled.Span, 200, CapturedPages.DocSpaceItems);
        }
    }

    public static async ValueTask<IReadOnlyList<AuditEvent>> TrailAsync(byte[] body, TrailPageParser parser)
    {
        // As DocSpacePageBody for the audit trail: one parser (and its caches) for all the pages of a read.
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            using var pooled = await PooledBody.ReadAsync(stream, body.Length).ConfigureAwait(false);
            return parser.Parse(pooled.Span, 200, CapturedPages.DocSpaceItems);
        }
    }

    public static async ValueTask<IReadOnlyList<AuditEvent>> SessionsAsync(byte[] body)
    {
        // As LogPageReader: the body into a pooled buffer, then one parser pass; a new cache per
        // call, so every page starts cold (a real read keeps one parser per stream for all its pages).
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            using var pooled = await PooledBody.ReadAsync(stream, body.Length).ConfigureAwait(false);
            return new SessionPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).Parse(pooled.Span, 200).GetEvents();
        }
    }

    public static async ValueTask<IReadOnlyList<AuditEvent>> WebhooksAsync(byte[] body)
    {
        // As LogPageReader, with a cold cache per call like SessionsAsync.
        var stream = new MemoryStream(body, writable: false);
        await using (stream.ConfigureAwait(false))
        {
            using var pooled = await PooledBody.ReadAsync(stream, body.Length).ConfigureAwait(false);
            return new WebhookPageParser(ExaVaultSourceNames.Source, new Utf8StringCache()).Parse(pooled.Span, 200).GetEvents();
        }
    }
}
