using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace AuditAggregator.Simulators.Tests.Data;

/// <summary>A million events per log are served by index arithmetic, never held in memory.</summary>
public class LargeDataSetTests(ITestOutputHelper output)
{
    private const int Million = 1_000_000;

    [Fact]
    public async Task ExaVault_MillionSessions_FullExportWithLimit1000_Is1000RequestsAndMemoryStaysSmall()
    {
        await using var sim = await ExaVaultSimulator.StartAsync(new ExaVaultSimulatorOptions
        {
            Now = Clients.Now, SessionEventCount = Million, DailyAllowance = 2_000_000,
        });
        using var http = Clients.ExaVault(sim);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        long count = 0, previousId = long.MaxValue, firstId = 0, lastId = 0;
        for (var offset = 0; ; offset += 1000)
        {
            using var response = await http.GetAsync($"activity/session?sort=-date&offset={offset}&limit=1000", HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var page = await JsonDocument.ParseAsync(stream);
            var data = page.RootElement.GetProperty("data");
            foreach (var item in data.EnumerateArray())
            {
                var id = item.GetProperty("id").GetInt64();
                Assert.True(id < previousId);
                previousId = id;
                firstId = count == 0 ? id : firstId;
                lastId = id;
                count++;
            }

            if (data.GetArrayLength() < 1000)
            {
                break;
            }
        }

        var elapsed = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"1,000,000 sessions in {sim.RequestCount} requests, {elapsed.TotalSeconds:0.0} s; managed heap {before / 1024 / 1024} MB -> {after / 1024 / 1024} MB");
        Assert.Equal(Million, count);
        Assert.Equal(1001, sim.RequestCount);
        Assert.Equal(sim.Data.Session[Million - 1].Id, firstId);
        Assert.Equal(sim.Data.Session[0].Id, lastId);
        Assert.True(after - before < 50L * 1024 * 1024, $"heap grew by {(after - before) / 1024 / 1024} MB");
    }

    [Fact]
    public async Task DocSpace_MillionEvents_DeepPageAndDateWindowAreCheap()
    {
        await using var sim = await DocSpaceSimulator.StartAsync(new DocSpaceSimulatorOptions { Now = Clients.Now, EventCount = Million });
        using var http = Clients.DocSpace(sim);
        var watch = Stopwatch.StartNew();
        var deep = await Clients.GetJsonAsync(http, $"{DocSpaceSimulator.FilterPath}?startIndex={Million - 50}&count=100");
        output.WriteLine($"deepest DocSpace page in {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(50, deep.GetProperty("count").GetInt32());
        Assert.Equal(sim.Data.Login[0].Id, deep.GetProperty("response")[49].GetProperty("id").GetInt64());

        var from = Clients.Now.AddDays(-2);
        var to = from.AddMinutes(10);
        watch.Restart();
        var window = sim.Data.EventsBetween(from, to).ToList();
        output.WriteLine($"{window.Count} expected events for a 10-minute window in {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.InRange(window.Count, 100, 400);
        Assert.All(window, r => Assert.InRange(r.Time, from, to));
    }
}
