using System.Runtime.CompilerServices;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

// The nested details: walked once for the fields either format carries, then kept as its raw text.
internal sealed partial class WebhookPageParser
{
    private const int InnerOther = 0;
    private const int InnerProtocol = 1;
    private const int InnerAttempt = 2;
    private const int InnerEventTimestamp = 3;
    private const int InnerUsername = 4;
    private const int InnerIpAddress = 5;
    private const int InnerEventData = 6;

    // Also the keys of the outer names username and ipAddress (see ExactField).
    private static readonly ulong AttemptKey = NameKey.Head("attempt"u8);
    private static readonly ulong ProtocolKey = NameKey.Head("protocol"u8);
    private static readonly ulong UsernameKey = NameKey.Head("username"u8);
    private static readonly ulong IpAddressHead = NameKey.Head("ipAddress"u8);
    private static readonly ulong IpAddressTail = NameKey.Tail("ipAddress"u8);
    private static readonly ulong EventDataHead = NameKey.Head("eventData"u8);
    private static readonly ulong EventDataTail = NameKey.Tail("eventData"u8);
    private static readonly ulong EventTimestampHead = NameKey.Head("eventTimestamp"u8);
    private static readonly ulong EventTimestampTail = NameKey.Tail("eventTimestamp"u8);
    private static readonly ulong TransferStatusHead = NameKey.Head("transferStatus"u8);
    private static readonly ulong TransferStatusTail = NameKey.Tail("transferStatus"u8);

    // What Map reads from an object-valued details (as JsonElement.TryGetProperty finds it: exact name, last one wins).
    private AuditValue? _innerProtocol;
    private AuditValue? _innerAttempt;
    private AuditValue? _innerEventTimestamp;
    private AuditValue? _innerTransferStatus;
    private string? _innerUsername;
    private string? _innerIpAddress;

    private bool ReadDetails(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        ResetInner();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                _details = null;
                return true;
            case JsonTokenType.StartObject:
                var start = reader.TokenStartIndex;
                if (!ReadDetailsObject(ref reader, json))
                {
                    return false;
                }

                _details = JsonAuditValues.FromCompletedValue(ref reader, json, start);
                return true;
            default:
                _details = JsonAuditValues.Read(ref reader, json, Strings);
                return true;
        }
    }

    /// <summary>
    /// Walks an object-valued details once, from its start to its end, picking the fields either format carries; the
    /// caller then keeps the whole object as its raw text.
    /// </summary>
    /// <returns><see langword="false"/> for an escaped name, which the DTO path compares unescaped.</returns>
    private bool ReadDetailsObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var field = InnerField(reader.ValueSpan);
            reader.Read();
            if (field == InnerProtocol)
            {
                _innerProtocol = ReadInnerCached(ref reader, json);
            }
            else if (field == InnerAttempt)
            {
                _innerAttempt = ReadInnerCached(ref reader, json);
            }
            else if (field == InnerEventTimestamp)
            {
                _innerEventTimestamp = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                    ? AuditValue.FromString(Decode(ref reader))
                    : ReadInner(ref reader, json, null);
            }
            else if (field == InnerUsername)
            {
                _innerUsername = ReadInnerText(ref reader, json, RecentUsername);
            }
            else if (field == InnerIpAddress)
            {
                _innerIpAddress = ReadInnerText(ref reader, json, RecentIpAddress);
            }
            else if (field == InnerEventData)
            {
                _innerTransferStatus = null;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueIsEscaped)
                    {
                        return false;
                    }

                    var isTransferStatus = IsTransferStatus(reader.ValueSpan);
                    reader.Read();
                    if (isTransferStatus)
                    {
                        _innerTransferStatus = ReadInnerCached(ref reader, json);
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return true;
    }

    /// <summary>The field of details a name (exact, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> compares) stands for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int InnerField(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 7:
                return NameKey.Short(name) == AttemptKey ? InnerAttempt : InnerOther;
            case 8:
                var eight = NameKey.First8(name);
                return eight == ProtocolKey ? InnerProtocol : eight == UsernameKey ? InnerUsername : InnerOther;
            case 9:
                var nine = NameKey.First8(name);
                var last = NameKey.Last8(name);
                return nine == IpAddressHead && last == IpAddressTail ? InnerIpAddress
                    : nine == EventDataHead && last == EventDataTail ? InnerEventData
                    : InnerOther;
            case 14:
                return NameKey.First8(name) == EventTimestampHead && NameKey.Last8(name) == EventTimestampTail ? InnerEventTimestamp : InnerOther;
            default:
                return InnerOther;
        }
    }

    /// <summary>Moves past a value: <see cref="Utf8JsonReader.Skip"/> has work only on an object or array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }
    }

    /// <summary>Whether a name of <c>eventData</c> is exactly <c>transferStatus</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTransferStatus(ReadOnlySpan<byte> name) =>
        name.Length == 14 && NameKey.First8(name) == TransferStatusHead && NameKey.Last8(name) == TransferStatusTail;

    /// <summary>Reads a value of details as <see cref="JsonAuditValues.Read"/> does, a plain string inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AuditValue? ReadInnerCached(ref Utf8JsonReader reader, ReadOnlySpan<byte> json) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            ? AuditValue.FromString(Strings.GetString(reader.ValueSpan))
            : ReadInner(ref reader, json, Strings);

    private static AuditValue? ReadInner(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8StringCache? strings) =>
        reader.TokenType == JsonTokenType.Null ? (AuditValue?)null : JsonAuditValues.Read(ref reader, json, strings);

    /// <summary>Reads a text of details; the outer field of the same name (<paramref name="slot"/>) usually has it too.</summary>
    private string? ReadInnerText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int slot)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return EntryParts.NullIfEmpty(reader.ValueIsEscaped ? Strings.GetString(ref reader) : GetRecent(ref reader, json, slot));
        }

        reader.Skip();
        return null;
    }

    /// <summary>Loads a DTO's attributes into the fields <see cref="ReadAttributes"/> fills, details as <see cref="ReadDetails"/> reads them.</summary>
    private void Load(ExaVaultWebhookAttributes attributes)
    {
        LoadCreated(attributes.Created);
        _webhookId = attributes.WebhookId;
        _webhookFormat = attributes.WebhookFormat;
        _webhookPath = attributes.WebhookPath;
        _accountId = attributes.AccountId;
        _attemptId = attributes.AttemptId;
        _resend = attributes.Resend;
        _endpointUrl = attributes.EndpointUrl;
        _event = attributes.Event;
        _status = attributes.Status;
        _response = attributes.Response;
        _ipAddress = attributes.IpAddress;
        _resourcePath = attributes.ResourcePath;
        _username = attributes.Username;
        _details = LoadValue(attributes.Details);
        var inner = attributes.Details is { ValueKind: JsonValueKind.Object } element ? element : default;
        _innerProtocol = LoadValue(Property(inner, "protocol"));
        _innerAttempt = LoadValue(Property(inner, "attempt"));
        _innerEventTimestamp = LoadValue(Property(inner, "eventTimestamp"));
        _innerTransferStatus = LoadValue(Property(Property(inner, "eventData") ?? default, "transferStatus"));
        _innerUsername = Property(inner, "username") is { ValueKind: JsonValueKind.String } username ? EntryParts.NullIfEmpty(username.GetString()) : null;
        _innerIpAddress = Property(inner, "ipAddress") is { ValueKind: JsonValueKind.String } address ? EntryParts.NullIfEmpty(address.GetString()) : null;
        LoadUnknown(attributes.AdditionalAttributes);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private void ResetInner()
    {
        _innerProtocol = _innerAttempt = _innerEventTimestamp = _innerTransferStatus = null;
        _innerUsername = _innerIpAddress = null;
    }
}
