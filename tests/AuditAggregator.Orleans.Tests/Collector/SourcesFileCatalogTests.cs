using AuditAggregator.Collector.Silo;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuditAggregator.Orleans.Tests.Collector;

public sealed class SourcesFileCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sources-file-").FullName;
    private int _writes;

    private string File => Path.Combine(_folder, "sources.json");

    [Fact]
    public async Task ReloadIfChangedAsync_SourceAddedAndRemoved_ChangesTheNamesAndRaisesChanged()
    {
        await WriteAsync("alpha", "beta");
        await using var catalog = await SourcesFileCatalog.LoadAsync(File, NullLoggerFactory.Instance);
        var changes = 0;
        catalog.Changed += (_, _) => changes++;

        await WriteAsync("beta", "gamma");
        await catalog.ReloadIfChangedAsync(CancellationToken.None);

        Assert.Equal(1, changes);
        Assert.Equal(["beta", "gamma"], catalog.Names.Order());
        Assert.Null(catalog.Find("alpha"));
        Assert.Equal("gamma", catalog.Find("gamma")?.Name);
    }

    [Fact]
    public async Task ReloadIfChangedAsync_FileBroken_KeepsTheLastGoodSources()
    {
        await WriteAsync("alpha");
        await using var catalog = await SourcesFileCatalog.LoadAsync(File, NullLoggerFactory.Instance);

        await System.IO.File.WriteAllTextAsync(File, "{ \"sources\": [ { \"name\": \"Not A Name\" } ] }");
        System.IO.File.SetLastWriteTimeUtc(File, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(++_writes));
        await catalog.ReloadIfChangedAsync(CancellationToken.None);

        Assert.Equal(["alpha"], catalog.Names);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task WriteAsync(params string[] names)
    {
        var entries = names.Select(n => $$"""{ "name": "{{n}}", "vendor": "docspace", "url": "https://{{n}}.example.com", "token": "sk-test-{{n}}" }""");
        await System.IO.File.WriteAllTextAsync(File, $$"""{ "sources": [ {{string.Join(", ", entries)}} ] }""");

        // Two writes within one timestamp tick would look unchanged to the catalog.
        System.IO.File.SetLastWriteTimeUtc(File, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(++_writes));
    }
}
