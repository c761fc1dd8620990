using System.Text.Json;

namespace AuditAggregator.Tests.Events;

public class AuditValueTests
{
    [Fact]
    public void FromJsonElement_PicksTheNarrowestKind()
    {
        using var document = JsonDocument.Parse("""{"s":"x","i":42,"b":false,"f":1.5,"o":{"k":1}}""");
        var root = document.RootElement;

        Assert.Equal(AuditValueKind.String, AuditValue.FromJsonElement(root.GetProperty("s")).Kind);
        Assert.True(AuditValue.FromJsonElement(root.GetProperty("i")).TryGetInt64(out var i) && i == 42);
        Assert.True(AuditValue.FromJsonElement(root.GetProperty("b")).TryGetBoolean(out var b) && !b);
        Assert.Equal("1.5", AuditValue.FromJsonElement(root.GetProperty("f")).AsString());
        Assert.Equal(AuditValueKind.Json, AuditValue.FromJsonElement(root.GetProperty("o")).Kind);
    }

    [Fact]
    public void FromJson_InvalidText_Throws()
    {
        Assert.Throws<ArgumentException>(() => AuditValue.FromJson("{\"a\":"));
    }

    [Fact]
    public void Details_LaterEntryReplacesEarlier_AndEqualityIgnoresOrder()
    {
        var a = new AuditDetails([new("x", 1L), new("y", "two"), new("x", 3L)]);
        var b = new AuditDetails([new("y", "two"), new("x", 3L)]);

        Assert.Equal(2, a.Count);
        Assert.Equal(AuditValue.FromInt64(3), a["x"]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new AuditDetails([new("y", "two"), new("x", 4L)]));
    }
}
