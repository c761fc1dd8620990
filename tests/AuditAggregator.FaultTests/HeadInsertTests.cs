using AuditAggregator.FaultTests.Support;

namespace AuditAggregator.FaultTests;

/// <summary>
/// New events arrive at the head of the newest-first log before every page, inside the window, so every later page
/// (DocSpace <c>startIndex</c>, ExaVault <c>offset</c>) starts that many events earlier and repeats the end of the
/// previous page.
/// </summary>
public sealed class HeadInsertTests(ITestOutputHelper output)
{
    private const int ArrivingPerPage = 7;

    [Theory]
    [InlineData(Vendor.DocSpace, 1)]
    [InlineData(Vendor.ExaVault, 1)]
    [InlineData(Vendor.DocSpace, 8)]
    [InlineData(Vendor.ExaVault, 8)]
    public async Task ReadAsync_EventsInsertedAtHeadWhilePaging_DeliversWindowOnce(Vendor vendor, int concurrency)
    {
        // With 8 pages in flight the inserts land between concurrent requests, so a page served later can start
        // before the one served first: the overlap of one event must prove every boundary, or the gap is refetched.
        await using var harness = await FaultHarness.StartAsync(o =>
        {
            o.AppendBeforeEachPage = ArrivingPerPage;
            o.Resilience = r => r.MaxConcurrentRequests = concurrency;
        });

        // The window reaches an hour past the data's end, so the arriving events (one second apart after it) are in it.
        var window = FaultHarness.Window with { To = Instant.FromDateTimeOffset(FaultHarness.Now.AddHours(1)) };
        var logs = harness.SimulatedLogs(vendor);

        var delivered = await Delivery.ReadAllAsync(harness.Source(vendor).ReadAsync(window));

        // A newest-first read sees the events that were there when its first page of a log was served: the initial
        // ones and the first arrivals. Later arrivals are newer than everything it already read.
        var expected = harness.Expected(vendor, window, (log, record) => record.Index < log.InitialCount + ArrivingPerPage);
        Delivery.AssertExactlyOnce(output, $"{ArrivingPerPage} events inserted at the head before every page", vendor.ToString(), expected, [.. delivered.Select(e => e.Id)], harness.Probe(vendor));
        foreach (var log in logs)
        {
            var pages = harness.Probe(vendor).Sent.Count(s => s.Uri.AbsolutePath.EndsWith(log.Name == "login" ? "login/filter" : log.Name == "audit" ? "events/filter" : log.Name == "session" ? "session" : "webhooks", StringComparison.Ordinal));
            output.WriteLine($"{log.Source}/{log.Name}: {pages} pages, {log.Count - log.InitialCount} events arrived during the read");
            Assert.True(pages >= 3, $"{log.Name}: only {pages} pages, too few to shift an offset");
            Assert.Equal(pages * ArrivingPerPage, log.Count - log.InitialCount);
        }

        Assert.Equal(delivered.OrderByDescending(e => e.Time).Select(e => e.Time), delivered.Select(e => e.Time));
    }

    [Fact]
    public async Task ReadAsync_DocSpaceHeadInsertsOutsideWindow_ShiftStartIndexButDeliverExactWindow()
    {
        // DocSpace pages the unfiltered log: events newer than the window still shift every startIndex.
        await using var harness = await FaultHarness.StartAsync(o => o.AppendBeforeEachPage = 60);
        var expected = harness.Expected(Vendor.DocSpace, FaultHarness.Window);

        var delivered = await Delivery.ReadAllAsync(harness.Source(Vendor.DocSpace).ReadAsync(FaultHarness.Window));

        Delivery.AssertExactlyOnce(output, "60 events inserted at the head before every page, outside the window", "DocSpace", expected, [.. delivered.Select(e => e.Id)], harness.DocSpaceProbe);
        Assert.True(harness.DocSpaceProbe.Count >= 10, $"only {harness.DocSpaceProbe.Count} pages");
    }
}
