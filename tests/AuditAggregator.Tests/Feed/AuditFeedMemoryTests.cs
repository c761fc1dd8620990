using AuditAggregator.Testing;
using NodaTime;
using Xunit.Abstractions;

namespace AuditAggregator.Tests.Feed;

[CollectionDefinition(nameof(AuditFeedMemoryTests), DisableParallelization = true)]
public sealed class AuditFeedMemoryGroup;

/// <summary>
/// Bounded memory of the merge, shown by counting (events produced minus consumed) and by the live heap, not by a timer.
/// The heap is process-wide, so this class runs alone: other test classes allocating in parallel moved it by megabytes.
/// </summary>
[Collection(nameof(AuditFeedMemoryTests))]
public class AuditFeedMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReadAsync_TwoSourcesOfAMillionEach_BuffersABoundedNumberAndKeepsTheHeapFlat()
    {
        const int PerSource = 1_000_000;
        var newest = Instant.FromUtc(2025, 6, 2, 12, 0);
        var a = new SyntheticSource("a", PerSource, newest, Duration.FromMilliseconds(3));
        var b = new SyntheticSource("b", PerSource, newest, Duration.FromMilliseconds(2));
        var options = new AuditFeedOptions { BufferPerSource = 256 };
        long consumed = 0, maxInFlight = 0, heapAt200k = 0, maxHeapAfter = 0;
        AuditEvent? previous = null;
        var outOfOrder = 0;

        await foreach (var item in new AuditFeed([a, b], options).ReadAsync(AuditQuery.All))
        {
            consumed++;
            maxInFlight = Math.Max(maxInFlight, a.Produced + b.Produced - consumed);
            if (previous is not null && AuditEventOrder.NewestFirst.Compare(previous, item) > 0)
            {
                outOfOrder++;
            }

            previous = item;
            if (consumed % 200_000 == 0)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                if (consumed == 200_000)
                {
                    heapAt200k = heap;
                }
                else
                {
                    maxHeapAfter = Math.Max(maxHeapAfter, heap);
                }
            }
        }

        output.WriteLine($"consumed {consumed}, max in flight {maxInFlight}, heap at 200k {heapAt200k / 1024} KiB, max heap later {maxHeapAfter / 1024} KiB");
        Assert.Equal(2 * PerSource, consumed);
        Assert.Equal(0, outOfOrder);
        // Each source may hold its channel (256), one event in its writer, and the merge one head per source.
        Assert.True(maxInFlight <= 2 * (256 + 2), $"the merge held {maxInFlight} events at once");
        // A merge that kept even 16 bytes of each of the 1.8 million later events would grow the heap by 28 MiB; an
        // event itself is several hundred bytes. 16 MiB leaves room for the runtime's own caches and tiered JIT.
        Assert.True(maxHeapAfter - heapAt200k < 16 * 1024 * 1024, $"the heap grew from {heapAt200k} to {maxHeapAfter} bytes");
    }
}
