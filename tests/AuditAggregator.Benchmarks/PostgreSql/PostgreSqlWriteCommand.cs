using System.Diagnostics;
using System.Globalization;
using AuditAggregator.Checkpoints;
using AuditAggregator.PostgreSql;
using AuditAggregator.PostgreSql.Internal;
using AuditAggregator.PrivateServers;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.Benchmarks.PostgreSql;

/// <summary>
/// <c>postgres</c>: the store's commit path (events and checkpoint in one transaction) with each batch writer, into a
/// private, durable PostgreSQL (<c>fsync</c> on), in batches of the follower's default 1,000 events; prints events a second.
/// </summary>
/// <remarks>
/// Options: <c>--sizes 10000,100000</c>, <c>--batch 1000</c>, <c>--repeats 3</c> (the median is printed).
/// Each run writes into a fresh schema; the writers take turns so that neither always runs on a warmer server.
/// Measured on the 2-core machine while other builds ran (load average 16 to 21), medians of 3, events a second:
/// batch 1,000: COPY 13,674 (10k) and 16,749 (100k), INSERT 6,411 and 7,390; batch 10,000: COPY 15,356 and 26,521,
/// INSERT 8,416 and 10,725. COPY is the library's writer.
/// </remarks>
internal static class PostgreSqlWriteCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [10_000, 100_000];
        var batch = int.Parse(Option(args, "--batch") ?? "1000", CultureInfo.InvariantCulture);
        var repeats = int.Parse(Option(args, "--repeats") ?? "3", CultureInfo.InvariantCulture);
        IEventBatchWriter[] writers = [new CopyEventWriter(), new InsertEventWriter()];
        var started = Stopwatch.StartNew();
        await using var server = await PrivatePostgreSqlServer.StartAsync(durable: true);
        Console.WriteLine($"postgres machine: {Environment.ProcessorCount} cores, PostgreSQL private server (fsync on), batch {batch:N0} events, median of {repeats}; started in {started.Elapsed.TotalSeconds:N1} s");

        await MeasureAsync(server, writers[0], Events(2_000), batch);
        var schemas = 0;
        foreach (var size in sizes)
        {
            var events = Events(size);
            var results = writers.ToDictionary(w => w, _ => new List<double>());
            for (var r = 0; r < repeats; r++)
            {
                foreach (var writer in r % 2 == 0 ? writers : writers.Reverse())
                {
                    results[writer].Add(await MeasureAsync(server, writer, events, batch, $"bench{++schemas}"));
                }
            }

            foreach (var (writer, rates) in results)
            {
                var sorted = rates.Order().ToList();
                Console.WriteLine($"postgres {writer.GetType().Name,-18} {size,9:N0} events: {sorted[sorted.Count / 2],10:N0} events/s (runs: {string.Join(", ", rates.Select(x => x.ToString("N0", CultureInfo.InvariantCulture)))})");
            }
        }

        return 0;
    }

    private static async Task<double> MeasureAsync(PrivatePostgreSqlServer server, IEventBatchWriter writer, AuditEvent[] events, int batch, string schema = "warmup")
    {
        var options = new PostgreSqlAuditOptions { ConnectionString = server.ConnectionString, Schema = schema };
        await using var database = new PostgreSqlAuditDatabase(options, writer, TimeProvider.System, null);
        await database.MigrateAsync();
        var store = database.CreateStore("bench");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events.Length; i++)
        {
            await store.WriteAsync(events[i]);
            if ((i + 1) % batch == 0 || i == events.Length - 1)
            {
                await store.CommitAsync(Checkpoint(events[i]));
            }
        }

        return events.Length / clock.Elapsed.TotalSeconds;
    }

    private static FollowCheckpoint Checkpoint(AuditEvent last) => new(
        new Dictionary<string, SourceCheckpoint>
        {
            [last.Source] = new() { PendingFrom = last.Time - Duration.FromDays(30), PendingTo = last.Time + Duration.FromDays(1), DeliveredDownTo = last.Time, IdsAtDeliveredDownTo = [last.Id] },
        },
        null);

    /// <summary>Events shaped like the adapters' output: an actor, an address, a user agent and a few details.</summary>
    private static AuditEvent[] Events(int count)
    {
        var newest = Instant.FromUtc(2025, 6, 2, 12, 0);
        return [.. Enumerable.Range(1, count).Select(i => SyntheticSource.Create("acme-docspace", "login", i, newest - Duration.FromSeconds(i), login: $"user{i % 500}@example.com") with
        {
            Actor = new AuditActor($"9c1d{i % 500:D4}-54b4-4d1e-a0c2-7c5e4f1d2b3a", $"User {i % 500}", $"user{i % 500}@example.com"),
            Ip = $"203.0.113.{i % 250}",
            UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
            Location = "Zürich, Switzerland",
            VendorActionName = "LoginSuccess",
            Details = new AuditDetails([new("browser", "Chrome 126.0"), new("platform", "Windows 10"), new("page", $"https://acme.example.com/products/files/{i}")]),
        })];
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
