using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AuditAggregator.Parsing;
using NodaTime;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The <c>date</c> of one record as a page parser meets it: the bytes of a plain string (nearly every date, parsed
/// without making a string), or the text of anything else; turned into a time once the record is read.
/// </summary>
/// <remarks>A local of the record being read: it points into the body, so it cannot outlive the parse.</remarks>
internal ref struct RecordDate
{
    private ReadOnlySpan<byte> _bytes;
    private string? _text;

    /// <summary>Keeps the current value (the last <c>date</c> of the record wins).</summary>
    /// <param name="reader">The reader, on the value of <c>date</c>.</param>
    /// <exception cref="JsonException">The value is neither a string nor null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(ref Utf8JsonReader reader)
    {
        _bytes = default;
        _text = null;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            _bytes = reader.ValueSpan;
        }
        else
        {
            _text = LoginJson.ReadText(ref reader, null, "date");
        }
    }

    /// <summary>Reads the kept value as the record's time and offset.</summary>
    /// <param name="dates">The parser's reader of the usual form.</param>
    /// <param name="id">The record's id, for the error.</param>
    /// <param name="source">The source name, for the error.</param>
    /// <param name="kind">The kind of record, for the error: <c>Login</c> or <c>Audit-trail</c>.</param>
    /// <param name="time">The instant.</param>
    /// <param name="offset">The offset the server wrote.</param>
    /// <exception cref="LoginRecordException">The date is missing or cannot be read.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Resolve(Utf8IsoTimeParser dates, long id, string source, string kind, out Instant time, out Offset offset)
    {
        if (_bytes.IsEmpty || !dates.TryParse(_bytes, out time, out offset))
        {
            (time, offset) = ResolveSlowly(id, source, kind);
        }
    }

    // Every other form, and every error, is the mapper's; apart, so that the usual path stays small.
    private readonly (Instant Time, Offset Offset) ResolveSlowly(long id, string source, string kind)
    {
        try
        {
            var time = LoginEventMapper.ParseDate(_text ?? (_bytes.IsEmpty ? null : Encoding.UTF8.GetString(_bytes)), id, source, kind);
            return (time.ToInstant(), time.Offset);
        }
        catch (AuditSourceException ex)
        {
            throw new LoginRecordException(ex);
        }
    }
}
