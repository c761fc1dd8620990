using AuditAggregator.Testing;

namespace AuditAggregator.Orleans.Tests;

public class AuditSourceCatalogTests
{
    [Fact]
    public void Replace_NewSources_FindsThemAndRaisesChanged()
    {
        var catalog = new AuditSourceCatalog([new SyntheticSource("a", [])]);
        var changes = 0;
        catalog.Changed += (_, _) => changes++;

        catalog.Replace([new SyntheticSource("b", []), new SyntheticSource("c", [])]);

        Assert.Equal(1, changes);
        Assert.Null(catalog.Find("a"));
        Assert.Equal("b", catalog.Find("b")?.Name);
        Assert.Equal(["b", "c"], catalog.Names.Order());
    }

    [Fact]
    public void Constructor_TwoSourcesOfOneName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new AuditSourceCatalog([new SyntheticSource("a", []), new SyntheticSource("a", [])]));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }
}
