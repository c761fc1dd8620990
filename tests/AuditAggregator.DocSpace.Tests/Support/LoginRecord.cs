using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAggregator.DocSpace.Tests.Support;

/// <summary>
/// One login-history record as the server sends it (<c>LoginEventDto</c>), for building fake pages and for the
/// serializer-based oracle the parser is compared with. The adapter itself has no DTO: it parses pages directly.
/// </summary>
internal sealed record LoginRecord
{
    public long Id { get; init; }

    public string? Date { get; init; }

    public string? User { get; init; }

    public Guid? UserId { get; init; }

    public string? Login { get; init; }

    public string? Action { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? ActionId { get; init; }

    public string? Ip { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Browser { get; init; }

    public string? Platform { get; init; }

    public string? Page { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The success envelope around a list of records (<c>LoginEventArrayWrapper</c>).</summary>
internal sealed class LoginRecordEnvelope
{
    public List<LoginRecord>? Response { get; set; }

    public int? Status { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginRecord))]
[JsonSerializable(typeof(LoginRecordEnvelope))]
[JsonSerializable(typeof(string))]
internal sealed partial class TestJson : JsonSerializerContext;
