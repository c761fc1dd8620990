using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.Tests.Parsing;

public class JsonAuditValuesTests
{
    [Theory]
    [InlineData("\"text\"")]
    [InlineData("\"esc\\u00e4ped \\/ \\\"q\\\"\"")]
    [InlineData("42")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775808")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("{ \"a\" : [1, {\"b\": null}], \"c\": \"\\u00e4\" }")]
    [InlineData("[ ]")]
    public void Read_EveryKind_EqualsFromJsonElement(string value)
    {
        var json = System.Text.Encoding.UTF8.GetBytes($$"""{"before": 1, "value": {{value}}, "after": "x"}""");
        using var document = JsonDocument.Parse(json);
        var expected = AuditValue.FromJsonElement(document.RootElement.GetProperty("value"));

        foreach (var cache in new[] { null, new Utf8StringCache() })
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("value"u8)))
            {
            }

            reader.Read();
            var actual = JsonAuditValues.Read(ref reader, json, cache);

            Assert.Equal(expected, actual);
            Assert.True(reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("after"u8), "The reader was not left on the value's last token.");
        }
    }

    [Fact]
    public void Read_OnAnEndToken_Throws()
    {
        var json = "[1]"u8.ToArray();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();

        try
        {
            JsonAuditValues.Read(ref reader, json);
            Assert.Fail("An end token was read as a value.");
        }
        catch (JsonException ex)
        {
            Assert.Contains("EndArray", ex.Message, StringComparison.Ordinal);
        }
    }
}
