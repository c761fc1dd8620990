using System.Diagnostics;
using System.Globalization;
using AuditAggregator.Orleans;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// One run of the demo on a started cluster: request the backfills, kill the busiest silo when about half the
/// events are stored, and wait until every account's backfill checkpoint is complete.
/// </summary>
internal sealed class DemoRun(
    DemoSettings settings,
    TextWriter output,
    ClusterClient cluster,
    StoreProbe probe,
    IReadOnlyList<SiloProcess> silos,
    IReadOnlyList<string> sources,
    BackfillWindow window,
    int expected)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _clock = new();
    private Dictionary<int, int> _before = [];
    private Dictionary<int, int> _after = [];
    private (long Commits, long Inserted) _countersAtStart;
    private (long Commits, long Inserted) _countersAtEnd;
    private TimeSpan _processorTime;

    public int Killed { get; private set; }

    public TimeSpan? Failover { get; private set; }

    public long Repeated { get; private set; }

    public async Task<DemoRun> ExecuteAsync(CancellationToken cancellationToken)
    {
        _countersAtStart = await probe.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        _processorTime = -SampleAll(null);
        _clock.Start();

        // The requests go on while the first backfills run, and while a silo dies: a rejected call is made again.
        var requests = RequestAsync(cancellationToken);

        SiloProcess? victim = null;
        DateTimeOffset killedAt = default;
        HashSet<string> moved = [];
        while (true)
        {
            if (_clock.Elapsed > settings.Timeout)
            {
                throw new CollectorException($"demo: not every backfill completed within {settings.Timeout.TotalMinutes:F0} minutes; see the silo logs.");
            }

            if (requests.IsFaulted)
            {
                await requests.ConfigureAwait(false);
            }

            var progress = await probe.ReadBackfillsAsync(sources, window, cancellationToken).ConfigureAwait(false);
            var complete = progress.Values.Count(p => p.Complete);
            // Kill once every account was asked for and about half the events are stored, so the dead silo holds running jobs.
            if (victim is null && requests.IsCompleted && await probe.CountEventsAsync(cancellationToken).ConfigureAwait(false) >= expected * settings.KillAt)
            {
                var statuses = await cluster.ReadStatusesAsync(sources, cancellationToken).ConfigureAwait(false);
                _before = PerSilo(statuses);
                victim = silos
                    .Where(s => !s.HasExited)
                    .OrderByDescending(s => statuses.Count(t => s.Owns(t.Silo) && t.State == SourceState.Running))
                    .First();
                var hosted = statuses.Where(t => victim.Owns(t.Silo)).Select(t => t.Source).ToArray();
                _processorTime += SampleAll(victim);
                victim.Kill();
                killedAt = DateTimeOffset.UtcNow;
                Killed = 1;

                // What the dead silo left unfinished, read after its death: those accounts must move.
                progress = await probe.ReadBackfillsAsync(sources, window, cancellationToken).ConfigureAwait(false);
                complete = progress.Values.Count(p => p.Complete);
                moved = [.. hosted.Where(s => !(progress.GetValueOrDefault(s)?.Complete ?? false))];
                output.WriteLine($"demo: silo {victim.Index} killed (SIGKILL) at {_clock.Elapsed.TotalSeconds:F1} s with {complete}/{sources.Count} accounts complete and {moved.Count} of its accounts unfinished");
            }

            if (victim is not null && Failover is null)
            {
                var resumed = moved.Select(s => progress.GetValueOrDefault(s)).Where(p => p is not null && p.CommittedAt > killedAt).Select(p => p!.CommittedAt).DefaultIfEmpty().Min();
                if (resumed != default)
                {
                    Failover = resumed - killedAt;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo: the first account of the killed silo committed again on a survivor {Failover.Value.TotalSeconds:F1} s after the kill"));
                }
                else if (moved.Count == 0)
                {
                    // The killed silo had finished everything it held: there was nothing to take over.
                    Failover = TimeSpan.Zero;
                    output.WriteLine("demo: the killed silo had no unfinished account; rerun with a lower --kill-at-percent to see a failover");
                }
            }

            if (complete == sources.Count && victim is not null && Failover is not null && requests.IsCompleted)
            {
                break;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        await requests.ConfigureAwait(false);
        _clock.Stop();
        _countersAtEnd = await probe.ReadCountersAsync(cancellationToken).ConfigureAwait(false);
        _processorTime += SampleAll(null);

        // Asking again for a complete window stores nothing, and wakes every grain on the silo that hosts it now.
        await cluster.BackfillAsync(sources, window, cancellationToken).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var final = await cluster.ReadStatusesAsync(sources, cancellationToken).ConfigureAwait(false);
        _after = PerSilo(final);
        Repeated = final.Sum(s => s.Repeated);
        return this;
    }

    private async Task RequestAsync(CancellationToken cancellationToken)
    {
        await cluster.BackfillAsync(sources, window, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"demo: backfills requested for {sources.Count} accounts in {_clock.Elapsed.TotalSeconds:F1} s");
    }

    public void WriteFigures(TextWriter writer, long stored)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var commits = _countersAtEnd.Commits - _countersAtStart.Commits;
        var inserted = _countersAtEnd.Inserted - _countersAtStart.Inserted;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo: wall {seconds:F1} s, {stored / seconds:F0} events/s stored"));
        writer.WriteLine($"demo: accounts per silo before the kill {Describe(_before)}, after {Describe(_after)}");
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"demo: silo processor time {_processorTime.TotalSeconds:F1} s = {_processorTime.TotalMilliseconds * 1000 / Math.Max(1, stored):F0} us an event; PostgreSQL {commits / seconds:F0} commits/s, {inserted / seconds:F0} rows/s"));
    }

    private TimeSpan SampleAll(SiloProcess? only)
    {
        var total = TimeSpan.Zero;
        foreach (var silo in silos.Where(s => (only is null || s == only) && !s.HasExited))
        {
            silo.SampleProcessorTime();
            total += silo.ProcessorTime;
        }

        return total;
    }

    private Dictionary<int, int> PerSilo(IEnumerable<SourceStatus> statuses) =>
        silos.ToDictionary(s => s.Index, s => statuses.Count(t => s.Owns(t.Silo)));

    private static string Describe(Dictionary<int, int> perSilo) =>
        string.Join(' ', perSilo.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"s{p.Key}={p.Value}")));
}
