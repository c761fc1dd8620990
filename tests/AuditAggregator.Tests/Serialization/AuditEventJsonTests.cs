using System.Text.Json;
using NodaTime;

namespace AuditAggregator.Tests.Serialization;

public class AuditEventJsonTests
{
    private static AuditEvent Sample() => TrickyEvents.Sample() with
    {
        Actor = new AuditActor(null, "Alice", "alice@example.com"),
        Resource = null,
        Details = new AuditDetails([
            new("action", "Login failed. Brute force"),
            new("bytes", 1234L),
            new("resend", true),
            new("nested", AuditValue.FromJson("""{"a":[1,2.5]}""")),
        ]),
    };

    [Fact]
    public void Serialize_WritesTheDocumentedFieldsInOrder()
    {
        using var document = JsonDocument.Parse(AuditEventJson.Serialize(Sample()));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(
            ["id", "source", "vendor", "stream", "sourceId", "time", "offset", "category", "action", "outcome", "actor", "ip",
             "userAgent", "location", "resource", "vendorAction", "vendorActionName", "details"],
            names);
        Assert.Equal(["id", "name", "login"], document.RootElement.GetProperty("actor").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_WritesTheDocumentedValues()
    {
        using var document = JsonDocument.Parse(AuditEventJson.Serialize(Sample()));
        var root = document.RootElement;

        Assert.Equal("docspace:login:48213", root.GetProperty("id").GetString());
        Assert.Equal("2025-06-02T09:15:42Z", root.GetProperty("time").GetString());
        Assert.Equal("+03:00", root.GetProperty("offset").GetString());
        Assert.Equal("authentication", root.GetProperty("category").GetString());
        Assert.Equal("failure", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("actor").GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("resource").ValueKind);
        Assert.Equal(1234, root.GetProperty("details").GetProperty("bytes").GetInt64());
        Assert.True(root.GetProperty("details").GetProperty("resend").GetBoolean());
        Assert.Equal(2.5, root.GetProperty("details").GetProperty("nested").GetProperty("a")[1].GetDouble());
    }

    [Theory]
    [InlineData(0, "2025-06-02T09:15:42Z")]
    [InlineData(1_000_000, "2025-06-02T09:15:42.001Z")]
    [InlineData(123_456_700, "2025-06-02T09:15:42.1234567Z")]
    public void Serialize_Time_WritesFractionsOnlyWhenNonZero(long nanoseconds, string expected)
    {
        var auditEvent = Sample() with { Time = Instant.FromUtc(2025, 6, 2, 9, 15, 42).PlusNanoseconds(nanoseconds) };

        using var document = JsonDocument.Parse(AuditEventJson.Serialize(auditEvent));

        Assert.Equal(expected, document.RootElement.GetProperty("time").GetString());
    }

    [Theory]
    [InlineData(0, "+00:00")]
    [InlineData(-5 * 3600 - 1800, "-05:30")]
    [InlineData(3 * 3600, "+03:00")]
    public void Serialize_Offset_WritesSignHoursAndMinutes(int seconds, string expected)
    {
        var auditEvent = Sample() with { Offset = Offset.FromSeconds(seconds) };

        using var document = JsonDocument.Parse(AuditEventJson.Serialize(auditEvent));

        Assert.Equal(expected, document.RootElement.GetProperty("offset").GetString());
    }

    [Fact]
    public void Deserialize_RoundTripsEveryField()
    {
        var original = Sample();

        var copy = AuditEventJson.Deserialize(AuditEventJson.Serialize(original));

        Assert.Equal(original, copy);
        Assert.Equal(original.Id, copy.Id);
    }

    [Fact]
    public void Deserialize_NullOffsetAndEmptyDetails_RoundTrip()
    {
        var original = Sample() with { Offset = null, Details = AuditDetails.Empty, Actor = AuditActor.Unknown };

        var copy = AuditEventJson.Deserialize(AuditEventJson.Serialize(original));

        Assert.Equal(original, copy);
        Assert.Null(copy.Offset);
    }

    [Fact]
    public void Deserialize_BadTime_ThrowsJsonException()
    {
        var json = AuditEventJson.Serialize(Sample()).Replace("2025-06-02T09:15:42Z", "2025-06-02 09:15", StringComparison.Ordinal);

        var ex = Assert.Throws<JsonException>(() => AuditEventJson.Deserialize(json));

        Assert.Contains("2025-06-02 09:15", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLine_WritesOneLinePerEvent()
    {
        using var stream = new MemoryStream();

        AuditEventJson.WriteLine(stream, Sample());
        AuditEventJson.WriteLine(stream, Sample() with { SourceId = "48214" });

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal("docspace:login:48214", AuditEventJson.Deserialize(lines[1]).Id);
    }

    [Fact]
    public void Serialize_OffsetAndNonAscii_WrittenLiterallyNotEscaped()
    {
        var auditEvent = Sample() with { Location = "Zürich, Schweiz", Offset = Offset.FromHours(3) };
        using var stream = new MemoryStream();
        AuditEventJson.WriteLine(stream, auditEvent);

        foreach (var json in new[] { AuditEventJson.Serialize(auditEvent), System.Text.Encoding.UTF8.GetString(stream.ToArray()) })
        {
            Assert.Contains("\"offset\":\"+03:00\"", json, StringComparison.Ordinal);
            Assert.Contains("Zürich", json, StringComparison.Ordinal);
        }
    }
}
