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
    [InlineData("{\"name\": \"Jürgen 管理者\"}")]
    [InlineData("\"\u0080 first\"")]
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

    [Fact]
    public void FromCompletedValue_AfterWalkingAnObject_KeepsItsRawText()
    {
        var json = """{"details": {"protocol":"https", "eventData": {"transferStatus": "ok"}}, "n": 1}"""u8.ToArray();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        var start = reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
        }

        var value = JsonAuditValues.FromCompletedValue(ref reader, json, start);

        Assert.Equal(AuditValueKind.Json, value.Kind);
        Assert.Equal("""{"protocol":"https", "eventData": {"transferStatus": "ok"}}""", value.AsString());
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(5, 0)]
    [InlineData(6, 1)]
    [InlineData(6, -6)]
    [InlineData(6, -7)]
    [InlineData(6, 100)]
    public void FromCompletedValue_WrongStartOrToken_Throws(int reads, int startShift)
    {
        // Token 3 is the array's '[' (at index 6); token 6 is its ']'.
        var json = """{"a": [1, 2]}"""u8.ToArray();
        Assert.Throws<ArgumentException>(() => Complete(json, reads, startShift));
        Assert.Equal("[1, 2]", Complete(json, 6, 0).AsString());
    }

    /// <summary>Reads <paramref name="reads"/> tokens and keeps the array that opens at token 3, shifted.</summary>
    private static AuditValue Complete(byte[] json, int reads, int startShift)
    {
        var reader = new Utf8JsonReader(json);
        long start = 0;
        for (var i = 1; i <= reads; i++)
        {
            reader.Read();
            if (i == 3)
            {
                start = reader.TokenStartIndex;
            }
        }

        return JsonAuditValues.FromCompletedValue(ref reader, json, start + startShift);
    }
}
