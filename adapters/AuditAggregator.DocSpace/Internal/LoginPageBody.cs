using System.Text;
using AuditAggregator.Parsing;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads a <c>/login/filter</c> answer's body from its stream into a pooled buffer and parses it in one pass with the
/// read's <see cref="LoginPageParser"/>, straight into events; whatever implements <see cref="IDocSpaceLoginHistoryApi"/>.
/// </summary>
internal static class LoginPageBody
{
    public static async Task<List<AuditEvent>> ReadAsync(HttpResponseMessage response, LoginPageParser parser, int capacity, CancellationToken cancellationToken)
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
                throw DocSpaceErrors.Malformed(parser.Source, status, ex.Message.TrimEnd('.'), ex);
            }

            using (body)
            {
                try
                {
                    lock (parser.Gate)
                    {
                        return parser.Parse(body.Span, status, capacity);
                    }
                }
                catch (DecoderFallbackException ex)
                {
                    throw DocSpaceErrors.Malformed(parser.Source, status, "a string is not valid UTF-8", ex);
                }
            }
        }
    }
}
