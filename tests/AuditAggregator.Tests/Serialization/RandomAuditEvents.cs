using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace AuditAggregator.Tests.Serialization;

/// <summary>
/// Seeded random events whose strings mix plain ASCII with quotes, backslashes, control characters, non-ASCII,
/// surrogate pairs and lone surrogates; half the strings are drawn from a small pool, so the same instance repeats
/// across events as it does in a parsed read, and some are fresh copies of pooled text.
/// </summary>
internal sealed class RandomAuditEvents
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Specials = ["\"", "\\", "/", "\u2028", "\u007f", "\uFEFF", "+", "<", "&", "'", "\uFFFF", "\u0085"];

    private readonly Random _random;
    private readonly bool _roundTrippable;
    private readonly string[] _pool;

    /// <param name="seed">The seed.</param>
    /// <param name="roundTrippable">Only what reads back equal: no lone surrogates, no unnamed enums, raw JSON only for objects and arrays.</param>
    public RandomAuditEvents(int seed, bool roundTrippable)
    {
        _random = new Random(seed);
        _roundTrippable = roundTrippable;
        _pool = [.. Enumerable.Range(0, 40).Select(_ => Text())];
    }

    public AuditEvent Next() => new()
    {
        Source = Pick(),
        Vendor = Pick(),
        Stream = Pick(),
        SourceId = _random.Next(3) == 0 ? Pick() : _random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Time = Instant.FromUnixTimeTicks(_random.NextInt64(-62_135_596_800L * 10_000_000, 253_402_300_799L * 10_000_000))
            .PlusNanoseconds(_random.Next(3) == 0 ? _random.Next(100) : 0),
        Offset = _random.Next(4) == 0 ? null : Offset(),
        Category = !_roundTrippable && _random.Next(50) == 0 ? (AuditCategory)_random.Next(7, 100) : (AuditCategory)_random.Next(7),
        Action = Pick(),
        Outcome = (AuditOutcome)_random.Next(3),
        Actor = new AuditActor(Maybe(), Maybe(), Maybe()),
        Ip = Maybe(),
        UserAgent = Maybe(),
        Location = Maybe(),
        Resource = Maybe(),
        VendorAction = Pick(),
        VendorActionName = Maybe(),
        Details = Details(),
    };

    // Mostly whole quarter hours, as real zones; a third to the second.
    private Offset? Offset()
    {
        var seconds = _random.Next(-18 * 3600, (18 * 3600) + 1);
        return NodaTime.Offset.FromSeconds(_random.Next(3) == 0 ? seconds : seconds / 900 * 900);
    }

    private AuditDetails Details()
    {
        var count = _random.Next(7);
        var items = new List<KeyValuePair<string, AuditValue>>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(new(Pick(), Value()));
        }

        return items.Count == 0 ? AuditDetails.Empty : new AuditDetails(items);
    }

    private AuditValue Value() => _random.Next(_roundTrippable ? 4 : 5) switch
    {
        0 => AuditValue.FromString(Pick()),
        1 => AuditValue.FromInt64(_random.Next(2) == 0 ? _random.Next(-1000, 1000) : _random.NextInt64(long.MinValue, long.MaxValue)),
        2 => AuditValue.FromBoolean(_random.Next(2) == 0),
        3 => AuditValue.FromJson(_random.Next(3) switch
        {
            0 => "{\"t\":" + JsonSerializer.Serialize(Pick(), Relaxed) + ",\"n\":[1,2.5,null,true]}",
            1 => "[" + JsonSerializer.Serialize(Pick(), Relaxed) + "]",
            _ => "{}",
        }),
        _ => _random.Next(2) == 0 ? default : AuditValue.FromJson(_random.Next(2) == 0 ? "2.5" : "\"raw\""),
    };

    private string? Maybe() => _random.Next(5) == 0 ? null : Pick();

    private string Pick() => _random.Next(4) switch
    {
        0 or 1 => _pool[_random.Next(_pool.Length)],
        2 => new string(_pool[_random.Next(_pool.Length)].AsSpan()),
        _ => Text(),
    };

    private string Text()
    {
        var length = _random.Next(30) == 0 ? _random.Next(500, 700) : _random.Next(0, 24);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            switch (_random.Next(20))
            {
                case < 12:
                    text.Append((char)_random.Next(0x20, 0x7F));
                    break;
                case 12:
                    text.Append((char)_random.Next(0x20));
                    break;
                case 13 or 14:
                    text.Append((char)_random.Next(0x80, 0xD800));
                    break;
                case 15:
                    text.Append((char)_random.Next(0xE000, 0x10000));
                    break;
                case 16:
                    text.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
                    break;
                case 17 when !_roundTrippable:
                    text.Append((char)_random.Next(0xD800, 0xE000));
                    break;
                default:
                    text.Append(Specials[_random.Next(Specials.Length)]);
                    break;
            }
        }

        return text.ToString();
    }
}
