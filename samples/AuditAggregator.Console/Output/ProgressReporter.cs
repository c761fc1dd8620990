using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace AuditAggregator.ConsoleApp.Output;

/// <summary>
/// Counts events per source for the summary line, and, when stderr is a terminal, keeps a live line there:
/// events per second, and pages and events per source (pages from the library's <c>auditaggregator.events</c>
/// counter, one measurement per page).
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly TextWriter _stderr;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, long> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pages = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly MeterListener? _listener;
    private readonly Timer? _timer;
    private long _total;
    private int _lastLength;
    private bool _disposed;

    public ProgressReporter(TextWriter stderr, bool live)
    {
        _stderr = stderr;
        if (!live)
        {
            return;
        }

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Telemetry.AuditTelemetry.Name && instrument.Name == "auditaggregator.events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>(OnPage);
        _listener.Start();
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public long Total => Interlocked.Read(ref _total);

    public void Count(AuditEvent auditEvent)
    {
        lock (_lock)
        {
            _events[auditEvent.Source] = _events.GetValueOrDefault(auditEvent.Source) + 1;
            _total++;
        }
    }

    /// <summary>Gets a one-line summary: how many events, per source, how fast.</summary>
    public string Summary(string verb)
    {
        lock (_lock)
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var perSource = string.Join(", ", _events.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"audit-aggregator: {verb} {_total:N0} {(_total == 1 ? "event" : "events")}{(perSource.Length > 0 ? $" ({perSource})" : string.Empty)} in {seconds:0.0} s ({_total / seconds:N0} events/s).");
        }
    }

    public void Dispose()
    {
        if (_timer is null || _disposed)
        {
            return;
        }

        _disposed = true;

        _timer.Dispose();
        _listener?.Dispose();
        lock (_lock)
        {
            _stderr.Write('\r' + new string(' ', _lastLength) + '\r');
            _stderr.Flush();
        }
    }

    private void OnPage(Instrument instrument, long measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "source" && tag.Value is string source)
            {
                lock (_lock)
                {
                    _pages[source] = _pages.GetValueOrDefault(source) + 1;
                }
            }
        }
    }

    private void Draw()
    {
        lock (_lock)
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{_total:N0} events, {_total / seconds:N0}/s");
            foreach (var source in _events.Keys.Union(_pages.Keys).Order(StringComparer.Ordinal))
            {
                line.Append(CultureInfo.InvariantCulture, $" | {source}: {_events.GetValueOrDefault(source):N0} events, {_pages.GetValueOrDefault(source):N0} pages");
            }

            var text = line.ToString();
            _stderr.Write('\r' + text.PadRight(_lastLength));
            _stderr.Flush();
            _lastLength = text.Length;
        }
    }
}
