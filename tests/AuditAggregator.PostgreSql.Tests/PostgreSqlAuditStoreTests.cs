using System.Text.Json;
using AuditAggregator.PostgreSql.Tests.Support;
using NodaTime;

namespace AuditAggregator.PostgreSql.Tests;

[Collection(SharedServer.Name)]
public sealed class PostgreSqlAuditStoreTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task LoadAsync_NothingCommitted_ReturnsNull()
    {
        await using var database = fixture.Database();

        Assert.Null(await database.CreateStore("collector").LoadAsync());
    }

    [Fact]
    public async Task CommitAsync_ThenLoadFromAnotherProcess_RoundTripsTheCheckpoint()
    {
        var schema = fixture.NewSchema();
        await using (var database = fixture.Database(schema))
        {
            await database.CreateStore("collector").CommitAsync(TestCheckpoints.At(0, "opaque"));
        }

        await using var restarted = fixture.Database(schema);
        var loaded = await restarted.CreateStore("collector").LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal("opaque", loaded.SinkState);
        var expected = TestCheckpoints.At(0).Sources["docspace"];
        var source = loaded.Sources["docspace"];
        Assert.Equal(expected.Watermark, source.Watermark);
        Assert.Equal(expected.RecentIds, source.RecentIds);
        Assert.Equal(expected.PendingFrom, source.PendingFrom);
        Assert.Equal(expected.PendingTo, source.PendingTo);
        Assert.Equal(expected.DeliveredDownTo, source.DeliveredDownTo);
        Assert.Equal(expected.IdsAtDeliveredDownTo, source.IdsAtDeliveredDownTo);
    }

    [Fact]
    public async Task CommitAsync_TwoCheckpointNamesInOneSchema_KeptApart()
    {
        await using var database = fixture.Database();
        var first = database.CreateStore("acme-docspace");
        var second = database.CreateStore("acme-exavault");

        await first.CommitAsync(TestCheckpoints.At(1));
        await second.CommitAsync(TestCheckpoints.At(2));
        await first.CommitAsync(TestCheckpoints.At(3));

        Assert.Equal(Instant.FromUtc(2025, 6, 2, 12, 3), (await first.LoadAsync())!.Sources["docspace"].Watermark);
        Assert.Equal(Instant.FromUtc(2025, 6, 2, 12, 2), (await second.LoadAsync())!.Sources["docspace"].Watermark);
    }

    [Fact]
    public async Task WriteAsync_WithoutCommit_StoresNothing()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        await store.CommitAsync(TestCheckpoints.Empty);

        foreach (var item in Events.Logins(5))
        {
            await store.WriteAsync(item);
        }

        Assert.Equal(5, store.PendingCount);
        Assert.Equal(0, await fixture.CountAsync(schema));
    }

    [Fact]
    public async Task CommitAsync_BatchAndCheckpoint_StoredTogether()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        foreach (var item in Events.Logins(1_500))
        {
            await store.WriteAsync(item);
        }

        await store.CommitAsync(TestCheckpoints.At(5));

        Assert.Equal(0, store.PendingCount);
        Assert.Equal(1_500, await fixture.CountAsync(schema));
        Assert.Equal(1, await fixture.CountAsync(schema, "audit_checkpoints"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CommitAsync_FailsBetweenTheInsertAndTheCheckpoint_LeavesNeitherAndKeepsTheBatch(bool dropConnection)
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        await store.WriteAsync(Events.Login(1));
        await store.CommitAsync(TestCheckpoints.At(1));
        foreach (var item in Events.Logins(300, first: 2))
        {
            await store.WriteAsync(item);
        }

        await (dropConnection ? FailingTrigger.DropConnectionAsync(fixture, schema) : FailingTrigger.RaiseErrorAsync(fixture, schema));
        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => store.CommitAsync(TestCheckpoints.At(2)).AsTask());

        Assert.Contains("cannot commit 300 events with the checkpoint; they are kept for the next commit", ex.Message, StringComparison.Ordinal);
        Assert.Contains(dropConnection ? "ended the connection" : "injected failure", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.CountAsync(schema));
        Assert.Equal(Instant.FromUtc(2025, 6, 2, 12, 1), (await store.LoadAsync())!.Sources["docspace"].Watermark);
        Assert.Equal(300, store.PendingCount);

        await FailingTrigger.RemoveAsync(fixture, schema);
        await store.CommitAsync(TestCheckpoints.At(2));

        Assert.Equal(301, await fixture.CountAsync(schema));
        Assert.Equal(Instant.FromUtc(2025, 6, 2, 12, 2), (await store.LoadAsync())!.Sources["docspace"].Watermark);
    }

    [Fact]
    public async Task CommitAsync_IdsStoredAlreadyOrRepeatedInTheBatch_IgnoredAndTheFirstKept()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        await store.WriteAsync(Events.Login(1));
        await store.WriteAsync(Events.Login(2));
        await store.CommitAsync(TestCheckpoints.Empty);

        await store.WriteAsync(Events.Login(1) with { Action = AuditActions.Logout });
        await store.WriteAsync(Events.Login(3));
        await store.WriteAsync(Events.Login(3));
        await store.CommitAsync(TestCheckpoints.Empty);

        Assert.Equal(3, await fixture.CountAsync(schema));
        Assert.Equal(AuditActions.Login, await fixture.ScalarAsync($"SELECT action FROM \"{schema}\".audit_events WHERE id = 'docspace:login:1'"));
    }

    [Fact]
    public async Task CommitAsync_EveryField_RoundTripsWithDetailsAsJsonb()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        var full = new AuditEvent
        {
            Source = "acme-exavault",
            Vendor = "exavault",
            Stream = "session",
            SourceId = "9001",
            Time = Instant.FromUtc(2025, 6, 1, 8, 30, 15) + Duration.FromMilliseconds(250),
            Offset = Offset.FromHoursAndMinutes(3, 30),
            Category = AuditCategory.File,
            Action = AuditActions.All.Keys.First(),
            Outcome = AuditOutcome.Failure,
            Actor = new AuditActor("u-1", "Zoë Müller", "zoe@example.com"),
            Ip = "203.0.113.7",
            UserAgent = "Mozilla/5.0",
            Location = "Zürich, Switzerland",
            Resource = "/Shared/Q2 report.xlsx",
            VendorAction = "resources.upload",
            VendorActionName = "Upload",
            Details = new AuditDetails(
            [
                new("bytes", AuditValue.FromInt64(123_456_789_012)),
                new("shared", AuditValue.FromBoolean(true)),
                new("note", AuditValue.FromString("line1\n\"quoted\" ünïcode")),
                new("nested", AuditValue.FromJsonElement(JsonDocument.Parse("""{"a":[1,2,{"b":null}],"c":"dé"}""").RootElement)),
                new("ratio", AuditValue.FromJson("1.5")),
            ]),
        };
        await store.WriteAsync(full);
        await store.WriteAsync(Events.Login(1));
        await store.CommitAsync(TestCheckpoints.Empty);

        var read = await database.ReadEventsAsync(AuditQuery.All with { Sources = ["acme-exavault"] }).SingleAsync();

        Assert.Equal(full, read);
        Assert.Equal(123_456_789_012L, await fixture.ScalarAsync($"SELECT (details->>'bytes')::bigint FROM \"{schema}\".audit_events WHERE id = 'acme-exavault:session:9001'"));
        Assert.Equal("dé", await fixture.ScalarAsync($"SELECT details->'nested'->>'c' FROM \"{schema}\".audit_events WHERE id = 'acme-exavault:session:9001'"));
        Assert.Equal("{}", await fixture.ScalarAsync($"SELECT details::text FROM \"{schema}\".audit_events WHERE id = 'docspace:login:1'"));
    }

    [Fact]
    public async Task CommitAsync_NestedJsonFormattedOtherwise_ComesBackEqualInMeaningAndCompact()
    {
        await using var database = fixture.Database();
        var store = database.CreateStore("collector");
        const string Nested = """{ "zz": 1,  "a": [true, 2.50, "x, y: z"] }""";
        await store.WriteAsync(Events.Login(1) with { Details = new AuditDetails([new("nested", AuditValue.FromJson(Nested))]) });

        await store.CommitAsync(TestCheckpoints.Empty);
        var read = (await database.ReadEventsAsync(AuditQuery.All).SingleAsync()).Details["nested"];

        Assert.Equal(AuditValueKind.Json, read.Kind);
        Assert.Equal("""{"a":[true,2.50,"x, y: z"],"zz":1}""", read.ToString());
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Nested), System.Text.Json.Nodes.JsonNode.Parse(read.ToString())));
    }

    [Fact]
    public async Task CommitAsync_TextWithANulCharacter_StoredWithTheReplacementCharacter()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        await store.WriteAsync(Events.Login(1) with
        {
            UserAgent = "bad\0agent",
            Details = new AuditDetails([new("raw", AuditValue.FromString("a\0b")), new("literal", AuditValue.FromString("\\u0000"))]),
        });

        await store.CommitAsync(TestCheckpoints.Empty);
        var read = await database.ReadEventsAsync(AuditQuery.All).SingleAsync();

        Assert.Equal("bad\uFFFDagent", read.UserAgent);
        Assert.Equal("a\uFFFDb", read.Details["raw"].ToString());
        Assert.Equal("\\u0000", read.Details["literal"].ToString());
    }

    [Fact]
    public async Task LoadAsync_CorruptCheckpoint_FailsClearly()
    {
        var schema = fixture.NewSchema();
        await using var database = fixture.Database(schema);
        var store = database.CreateStore("collector");
        await store.CommitAsync(TestCheckpoints.At(0));
        await fixture.ScalarAsync($"UPDATE \"{schema}\".audit_checkpoints SET checkpoint = '{{\"sources\": 42}}'");

        var ex = await Assert.ThrowsAsync<AuditCheckpointException>(() => store.LoadAsync().AsTask());

        Assert.StartsWith($"Checkpoint 'collector' in PostgreSQL 127.0.0.1:{fixture.Server.Port}/postgres, schema {schema}: The stored checkpoint is corrupt", ex.Message, StringComparison.Ordinal);
    }
}
