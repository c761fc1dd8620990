using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The success envelope around a page of records (<c>response</c>, <c>status</c>, <c>statusCode</c>, <c>error</c>,
/// <c>count</c>, <c>total</c>), walked with the page parser's own <see cref="Utf8JsonReader"/>: the envelope reads
/// its keys and stops on each <c>response</c> value, where the parser reads the records itself.
/// </summary>
/// <remarks>
/// A mutable value kept in a local for one parse: it carries the keys it has read to <see cref="Close"/>, and costs a
/// page nothing on the heap. <see cref="ReadPage{TParser}"/> is the loop both page parsers run:
/// <c>while (envelope.MoveToRecords(ref reader)) { records = ... }</c>, then <c>envelope.Close(ref reader, records)</c>.
/// </remarks>
internal struct DocSpaceEnvelope
{
    private readonly string _source;
    private readonly int _status;
    private readonly bool _countsAreNumbers;
    private int? _envelopeStatus;
    private int? _statusCode;
    private string? _message;

    /// <summary>
    /// Reads a whole page: the envelope, and each record of its <c>response</c> array through <paramref name="parser"/>.
    /// </summary>
    /// <typeparam name="TParser">The stream's record parser.</typeparam>
    /// <param name="parser">Reads one record into an event.</param>
    /// <param name="body">The whole response body.</param>
    /// <param name="status">The HTTP status, for errors.</param>
    /// <param name="capacity">The page size asked for, to size the list.</param>
    /// <param name="countsAreNumbers">See <see cref="Open"/>.</param>
    /// <returns>The page's events, in the server's order.</returns>
    public static List<AuditEvent> ReadPage<TParser>(TParser parser, ReadOnlySpan<byte> body, int status, int capacity, bool countsAreNumbers)
        where TParser : IDocSpaceRecordParser
    {
        var reader = new Utf8JsonReader(body);
        var envelope = Open(ref reader, parser.Source, status, countsAreNumbers);
        List<AuditEvent>? events = null;
        while (envelope.MoveToRecords(ref reader))
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                events = null;
                continue;
            }

            LoginJson.Expect(ref reader, JsonTokenType.StartArray, "response");
            events = new List<AuditEvent>(capacity);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                events.Add(parser.ReadEvent(ref reader, body));
            }
        }

        return envelope.Close(ref reader, events);
    }

    private DocSpaceEnvelope(string source, int status, bool countsAreNumbers)
    {
        _source = source;
        _status = status;
        _countsAreNumbers = countsAreNumbers;
    }

    /// <summary>
    /// Reads the body's first token, which must open the envelope object.
    /// </summary>
    /// <param name="reader">A reader at the start of the body.</param>
    /// <param name="source">The name of the source, for errors.</param>
    /// <param name="status">The HTTP status, for errors.</param>
    /// <param name="countsAreNumbers">
    /// Whether <c>count</c> and <c>total</c> must be 32-bit integers or null (as the login-history DTO typed them), rather
    /// than skipped whatever they hold.
    /// </param>
    /// <returns>The envelope, with the reader on its opening brace.</returns>
    /// <exception cref="AuditSourceException">The body is the JSON <c>null</c>.</exception>
    /// <exception cref="JsonException">The body is empty or not an object.</exception>
    public static DocSpaceEnvelope Open(ref Utf8JsonReader reader, string source, int status, bool countsAreNumbers)
    {
        if (!reader.Read())
        {
            throw new JsonException("The body holds no JSON value.");
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            throw DocSpaceErrors.Malformed(source, status, "the body is null");
        }

        LoginJson.Expect(ref reader, JsonTokenType.StartObject, "$");
        return new DocSpaceEnvelope(source, status, countsAreNumbers);
    }

    /// <summary>
    /// Reads the envelope's keys up to the next <c>response</c> value.
    /// </summary>
    /// <param name="reader">The reader, inside the envelope between two of its properties.</param>
    /// <returns>
    /// <see langword="true"/> with the reader on a <c>response</c> value (which the caller reads whole);
    /// <see langword="false"/> at the end of the envelope.
    /// </returns>
    /// <exception cref="JsonException">An envelope value is not of the documented shape.</exception>
    public bool MoveToRecords(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = LoginJson.Classify(ref reader, LoginJson.EnvelopeKeys);
            reader.Read();
            switch (key)
            {
                case 0:
                    return true;
                case 1:
                    _envelopeStatus = LoginJson.ReadInt32(ref reader);
                    break;
                case 2:
                    _statusCode = LoginJson.ReadInt32(ref reader);
                    break;
                case 3:
                    _message = LoginJson.ReadErrorMessage(ref reader);
                    break;
                case 4 or 5 when _countsAreNumbers:
                    LoginJson.ReadInt32(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks that nothing follows the envelope and that it reports success, and hands back the records.
    /// </summary>
    /// <param name="reader">The reader, after <see cref="MoveToRecords"/> returned <see langword="false"/>.</param>
    /// <param name="records">The last <c>response</c> read, or <see langword="null"/> for none or a null one.</param>
    /// <returns><paramref name="records"/>.</returns>
    /// <exception cref="AuditSourceException">The envelope says status 1, or has no <c>response</c> array.</exception>
    /// <exception cref="JsonException">Another JSON value follows the envelope.</exception>
    public readonly List<AuditEvent> Close(ref Utf8JsonReader reader, List<AuditEvent>? records)
    {
        // Anything after the envelope is an error, as for the serializer.
        if (reader.Read())
        {
            throw new JsonException("The body holds more than one JSON value.");
        }

        if (_envelopeStatus == 1)
        {
            throw DocSpaceErrors.EnvelopeError(_source, _status, new ErrorEnvelopeInfo(_statusCode, _message));
        }

        return records ?? throw DocSpaceErrors.Malformed(_source, _status, "it has no 'response' array");
    }
}
