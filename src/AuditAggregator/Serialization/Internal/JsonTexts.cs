using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuditAggregator.Serialization.Internal;

/// <summary>
/// What <see cref="EventJsonFormatter"/> copies without asking the writer, each read once from the writer or the
/// serializer itself rather than assumed: the ASCII characters written as they are, and the enums' names.
/// </summary>
internal static class JsonTexts
{
    /// <summary>The printable ASCII characters a relaxed <see cref="Utf8JsonWriter"/> writes unescaped (not <c>"</c>, <c>\</c> or DEL).</summary>
    public static readonly SearchValues<char> Plain = PlainAscii();

    private static readonly byte[]?[] Categories = EnumTexts(RelaxedJson.Context.AuditCategory);
    private static readonly byte[]?[] Outcomes = EnumTexts(RelaxedJson.Context.AuditOutcome);

    /// <summary>Returns the quoted name of a category, or <see langword="null"/> for a value without a name.</summary>
    public static byte[]? Of(AuditCategory value) => (uint)value < (uint)Categories.Length ? Categories[(int)value] : null;

    /// <summary>Returns the quoted name of an outcome, or <see langword="null"/> for a value without a name.</summary>
    public static byte[]? Of(AuditOutcome value) => (uint)value < (uint)Outcomes.Length ? Outcomes[(int)value] : null;

    private static SearchValues<char> PlainAscii()
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        using var writer = new Utf8JsonWriter(buffer, RelaxedJson.WriterOptions);
        var plain = new List<char>();
        for (var c = ' '; c < 0x7F; c++)
        {
            writer.WriteStringValue([c]);
            writer.Flush();
            if (buffer.WrittenSpan.SequenceEqual([(byte)'"', (byte)c, (byte)'"']))
            {
                plain.Add(c);
            }

            writer.Reset();
            buffer.ResetWrittenCount();
        }

        return SearchValues.Create([.. plain]);
    }

    private static byte[]?[] EnumTexts<T>(JsonTypeInfo<T> typeInfo)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var texts = new byte[]?[values.Length == 0 ? 0 : values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (number >= 0)
            {
                texts[number] = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            }
        }

        return texts;
    }
}
