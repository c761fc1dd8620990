using System.Buffers;
using System.Text;

namespace AuditAggregator.Parsing;

/// <summary>
/// Decodes UTF-8 that must be valid (invalid bytes throw), in one pass when it is ASCII, as JSON text nearly always is.
/// </summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="DecoderFallbackException">The bytes are not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        // Widen while copying; the first non-ASCII byte stops it, and the strict decoder starts again.
        var text = string.Create(utf8.Length, utf8, static (chars, bytes) =>
        {
            if (Ascii.ToUtf16(bytes, chars, out _) != OperationStatus.Done)
            {
                chars[0] = '\u0080';
            }
        });
        return text[0] != '\u0080' ? text : StrictUtf8.GetString(utf8);
    }
}
