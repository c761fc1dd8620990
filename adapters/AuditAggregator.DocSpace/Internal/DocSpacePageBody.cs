using System.Text;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>Parses one page body, already in memory, into events.</summary>
/// <param name="body">The body's bytes.</param>
/// <param name="status">The HTTP status the body came with.</param>
internal delegate List<AuditEvent> DocSpacePageParse(ReadOnlySpan<byte> body, int status);

/// <summary>
/// Reads a DocSpace filter answer's body (<c>/login/filter</c> or <c>/events/filter</c>) from its stream into a pooled
/// buffer and hands it to one parser pass, straight into events, whatever implements the Refit interface; a body that
/// is cut off or not UTF-8 becomes a malformed-response error naming the source.
/// </summary>
internal static class DocSpacePageBody
{
    public static async Task<List<AuditEvent>> ReadAsync(HttpResponseMessage response, string source, DocSpacePageParse parse, CancellationToken cancellationToken)
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
                throw DocSpaceErrors.Malformed(source, status, ex.Message.TrimEnd('.'), ex);
            }

            using (body)
            {
                try
                {
                    return parse(body.Span, status);
                }
                catch (DecoderFallbackException ex)
                {
                    throw DocSpaceErrors.Malformed(source, status, "a string is not valid UTF-8", ex);
                }
            }
        }
    }

    /// <summary>Reads a login-history page; concurrent page fetches of one read share its parser, under its gate.</summary>
    public static Task<List<AuditEvent>> ReadLoginAsync(HttpResponseMessage response, LoginPageParser parser, int capacity, CancellationToken cancellationToken) =>
        ReadAsync(
            response,
            parser.Source,
            (body, status) =>
            {
                lock (parser.Gate)
                {
                    return parser.Parse(body, status, capacity);
                }
            },
            cancellationToken);

    /// <summary>Reads an audit-trail page; the trail's pages are read one at a time.</summary>
    public static Task<List<AuditEvent>> ReadTrailAsync(HttpResponseMessage response, TrailPageParser parser, int capacity, CancellationToken cancellationToken) =>
        ReadAsync(response, parser.Source, (body, status) => parser.Parse(body, status, capacity), cancellationToken);
}
