using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// One audit-trail record as the server sends it (<c>AuditEventDto</c>), enums as numbers, for building fake pages.
/// The adapter itself has no DTO: it parses pages directly.
/// </summary>
internal sealed record TrailRecord
{
    public long Id { get; init; }

    public string? Date { get; init; }

    public string? User { get; init; }

    public Guid? UserId { get; init; }

    public string? Action { get; init; }

    public int? ActionId { get; init; }

    public string? Ip { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Browser { get; init; }

    public string? Platform { get; init; }

    public string? Page { get; init; }

    public int? ActionType { get; init; }

    public int? Product { get; init; }

    public int? Location { get; init; }

    public IReadOnlyList<string>? Target { get; init; }

    public IReadOnlyList<int>? Entries { get; init; }

    public string? Context { get; init; }

    [JsonIgnore]
    public DateTimeOffset Time => DateTimeOffset.Parse(Date!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Envelope(IEnumerable<TrailRecord> records)
    {
        var items = records.Select(e => JsonSerializer.Serialize(e, TrailJson.Default.TrailRecord)).ToList();
        return $"{{\"response\":[{string.Join(',', items)}],\"count\":{items.Count},\"links\":[],\"status\":0,\"statusCode\":200}}";
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TrailRecord))]
internal sealed partial class TrailJson : JsonSerializerContext;
