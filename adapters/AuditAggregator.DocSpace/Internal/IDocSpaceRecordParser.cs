using System.Text.Json;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Reads one record of a page into an event: what the login-history and audit-trail parsers differ in, once
/// <see cref="DocSpaceEnvelope.ReadPage{TParser}"/> has walked the envelope to it.
/// </summary>
internal interface IDocSpaceRecordParser
{
    /// <summary>Gets the name of the source whose events and errors the parser makes.</summary>
    string Source { get; }

    /// <summary>Reads the record whose <c>{</c> the reader is on, leaving it on the record's <c>}</c>.</summary>
    /// <param name="reader">The page's reader.</param>
    /// <param name="body">The whole body, for the record's raw text.</param>
    /// <returns>The record's event.</returns>
    AuditEvent ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> body);
}
