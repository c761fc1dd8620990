using AuditAggregator.Checkpoints;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace AuditAggregator.Sqlite.Tests;

public sealed class SqliteCheckpointStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("audit-checkpoint-").FullName;

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static FollowCheckpoint Sample() => new(
        new Dictionary<string, SourceCheckpoint>
        {
            ["docspace"] = new()
            {
                Watermark = Instant.FromUtc(2025, 6, 2, 12, 0),
                RecentIds = [new DeliveredId("docspace:login:7", Instant.FromUtc(2025, 6, 2, 11, 58))],
                PendingFrom = Instant.FromUtc(2025, 6, 2, 11, 55),
                PendingTo = Instant.FromUtc(2025, 6, 2, 12, 30),
                DeliveredDownTo = Instant.FromUtc(2025, 6, 2, 12, 10, 5),
                IdsAtDeliveredDownTo = ["docspace:login:9", "docspace:login:10"],
            },
        },
        "4096");

    [Fact]
    public async Task LoadAsync_NewFile_ReturnsNullAndCreatesTheFile()
    {
        var store = new SqliteCheckpointStore(PathOf("new.db"));

        Assert.Null(await store.LoadAsync());
        Assert.True(File.Exists(PathOf("new.db")));
    }

    [Fact]
    public async Task CommitAsync_ThenLoadFromAnotherInstance_RoundTrips()
    {
        await new SqliteCheckpointStore(PathOf("c.db")).CommitAsync(Sample());

        var loaded = await new SqliteCheckpointStore(PathOf("c.db")).LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal("4096", loaded.SinkState);
        var source = loaded.Sources["docspace"];
        var expected = Sample().Sources["docspace"];
        Assert.Equal(expected.Watermark, source.Watermark);
        Assert.Equal(expected.RecentIds, source.RecentIds);
        Assert.Equal(expected.PendingFrom, source.PendingFrom);
        Assert.Equal(expected.PendingTo, source.PendingTo);
        Assert.Equal(expected.DeliveredDownTo, source.DeliveredDownTo);
        Assert.Equal(expected.IdsAtDeliveredDownTo, source.IdsAtDeliveredDownTo);
    }

    [Fact]
    public async Task LoadAsync_FileIsNotSqlite_FailsClearlyAndLeavesTheFile()
    {
        var path = PathOf("garbage.db");
        await File.WriteAllTextAsync(path, "this is not a database, but somebody's notes. ".PadRight(4096, 'x'));

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => new SqliteCheckpointStore(path).LoadAsync().AsTask());

        Assert.Contains("not a readable SQLite database", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("this is not a database", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ForeignSqliteDatabase_FailsClearly()
    {
        var path = PathOf("foreign.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)";
            command.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => new SqliteCheckpointStore(path).LoadAsync().AsTask());

        Assert.Contains("something else", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_CorruptCheckpointBody_FailsClearly()
    {
        var path = PathOf("corrupt.db");
        await new SqliteCheckpointStore(path).CommitAsync(Sample());
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE checkpoint SET body = '{\"sources\": 42'";
            command.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => new SqliteCheckpointStore(path).LoadAsync().AsTask());

        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
