using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.Benchmarks.Reporting;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.Serialization;
using BenchmarkDotNet.Attributes;

namespace AuditAggregator.Benchmarks.Micro;

/// <summary>
/// Writing 1,000 parsed events as JSON lines into a buffer, as the console's <c>--format jsonl</c> does: the
/// source-generated serializer through one reused <see cref="Utf8JsonWriter"/> (the path before the hand-written
/// writer) beside <see cref="AuditEventJsonWriter"/>, one instance for the whole run as the console keeps one, and
/// <see cref="AuditEventJson.Write"/>, the same writer without the cache, for one event at a time.
/// </summary>
/// <remarks>
/// The events come from the simulators' pages through the adapters' parsers, one parser per stream for all its pages,
/// so names, addresses, user agents and codes are shared by reference as in a real read. The buffer is reset per
/// operation; writing it to a file is not measured.
/// </remarks>
[EventsPerOperation(Events)]
public class JsonLinesWriteBenchmarks
{
    private const int Events = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private AuditEvent[] _events = [];
    private AuditJsonContext _context = null!;
    private Utf8JsonWriter _json = null!;
    private AuditEventJsonWriter _writer = null!;

    /// <summary>Gets or sets the stream whose events are written.</summary>
    [Params(EventKind.DocSpaceLogin, EventKind.DocSpaceTrail, EventKind.ExaVaultSession, EventKind.ExaVaultWebhook)]
    public EventKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _events = [.. Load(Kind).Take(Events)];
        if (_events.Length != Events)
        {
            throw new InvalidOperationException($"Expected {Events} {Kind} events, captured {_events.Length}.");
        }

        _context = new AuditJsonContext(new JsonSerializerOptions(AuditJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json = new Utf8JsonWriter(_buffer, WriterOptions);
        _writer = new AuditEventJsonWriter(_buffer);
    }

    [Benchmark(Baseline = true, Description = "Serializer (before)")]
    public int Serializer()
    {
        _buffer.ResetWrittenCount();
        foreach (var auditEvent in _events)
        {
            JsonSerializer.Serialize(_json, auditEvent, _context.AuditEvent);
            _json.Flush();
            _json.Reset();
            _buffer.Write("\n"u8);
        }

        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "AuditEventJsonWriter (after)")]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        foreach (var auditEvent in _events)
        {
            _writer.WriteLine(auditEvent);
        }

        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "AuditEventJson.Write (no cache)")]
    public int Static()
    {
        _buffer.ResetWrittenCount();
        foreach (var auditEvent in _events)
        {
            AuditEventJson.Write(_json, auditEvent);
            _json.Flush();
            _json.Reset();
            _buffer.Write("\n"u8);
        }

        return _buffer.WrittenCount;
    }

    private static IEnumerable<AuditEvent> Load(EventKind kind)
    {
        var pages = CapturedPages.Current;
        switch (kind)
        {
            case EventKind.DocSpaceLogin:
                var login = new LoginPageParser();
                return pages.DocSpacePages.SelectMany(page => AdapterPath.DocSpaceAsync(page, login).AsTask().GetAwaiter().GetResult()).ToList();
            case EventKind.DocSpaceTrail:
                var trail = new TrailPageParser();
                return pages.TrailPages.SelectMany(page => AdapterPath.TrailAsync(page, trail).AsTask().GetAwaiter().GetResult()).ToList();
            case EventKind.ExaVaultSession:
                return AdapterPath.SessionsAsync(pages.Sessions).AsTask().GetAwaiter().GetResult();
            default:
                return AdapterPath.WebhooksAsync(pages.Webhooks).AsTask().GetAwaiter().GetResult();
        }
    }
}
